"""Held frames in H.264: a picture that stays on screen costs one encoded frame, not one per frame.

A static hold (manim's frozen-frame `wait`) is one picture shown for many frames. x264 would be
handed that picture again for every frame and analyse it each time, to produce frames that say
"same as before": most of the encoding time of a clip goes into them. Here the picture is encoded
once by x264 (an IDR frame: a hold is its own segment in manim) and every following frame of the
hold is written directly as a P frame whose macroblocks are all skipped, which a decoder shows as
an exact copy of the frame before. So the file keeps one coded frame per frame period (a constant
frame rate for PowerPoint and editors) while the encoder runs once per hold.

The skipped frame must match the encoder's own parameter sets (SPS, PPS), which are read from the
encoder's headers; `HeldFrames.from_headers` returns None for anything outside the plain stream
x264 writes for this project's clips (progressive frames, no scaling matrices, picture order
count type 0 or 2, one slice group), and the caller then lets the encoder make those frames.
Syntax and tables: ITU-T H.264 (08/2021) sections 7.3 (syntax) and 9.3 (CABAC, tables 9-12, 9-44
and 9-45).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

H264 = "libx264"
# For flat colours, text and mostly still pictures, chosen by measurement (benchmarks/publish_bench.py,
# the README's *Publishing at 1080p60*): against manim's own settings, at 1080p60 on all ten scenes,
# veryfast/crf 23 took 1.94x less CPU in all, SSIM >= 0.9913, 0.85x the size; superfast/crf 25 took
# 2.14x less, SSIM >= 0.9916 (mean 0.998), 1.14x the size (superfast/crf 23: 1.30x, too large).
# stitchable: the parameter sets do not depend on the quality, so a held picture can be encoded at
# a better one (HOLD_CRF_DROP) and still join the stream.
H264_OPTIONS = {"crf": "25", "preset": "superfast", "x264-params": "stitchable=1"}
HOLD_CRF_DROP = 3  # a held picture stays on screen for seconds and costs one coded frame
H264_FORMATS = ("mp4", "mov", "gif")  # manim encodes their segments with x264 (transparent mov: QuickTime RLE)

START_CODE = b"\x00\x00\x00\x01"
NAL_SPS, NAL_PPS, NAL_SLICE = 7, 8, 1
NAL_REF_IDC = 2          # a reference frame, as x264 marks its P frames
P_SLICE = 5              # slice_type: P, and every slice of the picture is P
HIGH_PROFILES = (100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135)  # SPS with chroma fields

# Table 9-44: rangeTabLPS[pStateIdx][qCodIRangeIdx]
RANGE_LPS = (
    (128, 176, 208, 240), (128, 167, 197, 227), (128, 158, 187, 216), (123, 150, 178, 205),
    (116, 142, 169, 195), (111, 135, 160, 185), (105, 128, 152, 175), (100, 122, 144, 166),
    (95, 116, 137, 158), (90, 110, 130, 150), (85, 104, 123, 142), (81, 99, 117, 135),
    (77, 94, 111, 128), (73, 89, 105, 122), (69, 85, 100, 116), (66, 80, 95, 110),
    (62, 76, 90, 104), (59, 72, 86, 99), (56, 69, 81, 94), (53, 65, 77, 89),
    (51, 62, 73, 85), (48, 59, 69, 80), (46, 56, 66, 76), (43, 53, 63, 72),
    (41, 50, 59, 69), (39, 48, 56, 65), (37, 45, 54, 62), (35, 43, 51, 59),
    (33, 41, 48, 56), (32, 39, 46, 53), (30, 37, 43, 50), (29, 35, 41, 48),
    (27, 33, 39, 45), (26, 31, 37, 43), (24, 30, 35, 41), (23, 28, 33, 39),
    (22, 27, 32, 37), (21, 26, 30, 35), (20, 24, 29, 33), (19, 23, 27, 31),
    (18, 22, 26, 30), (17, 21, 25, 28), (16, 20, 23, 27), (15, 19, 22, 25),
    (14, 18, 21, 24), (14, 17, 20, 23), (13, 16, 19, 22), (12, 15, 18, 21),
    (12, 14, 17, 20), (11, 14, 16, 19), (11, 13, 15, 18), (10, 12, 15, 17),
    (10, 12, 14, 16), (9, 11, 13, 15), (9, 11, 12, 14), (8, 10, 12, 14),
    (8, 9, 11, 13), (7, 9, 11, 12), (7, 9, 10, 12), (7, 8, 10, 11),
    (6, 8, 9, 11), (6, 7, 9, 10), (6, 7, 8, 9), (2, 2, 2, 2),
)
# Table 9-45: transIdxLPS (after an MPS the state simply moves up, to at most 62)
TRANS_LPS = (0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12, 13, 13, 15, 15, 16, 16, 18, 18, 19, 19, 21, 21,
             22, 22, 23, 24, 24, 25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32, 33, 33, 33, 34, 34, 35,
             35, 35, 36, 36, 36, 37, 37, 37, 38, 38, 63)
# Table 9-13, cabac_init_idc 0: (m, n) of mb_skip_flag's context 11, the one every macroblock of
# an all-skipped slice uses (its neighbours are skipped or outside the picture).
SKIP_FLAG_INIT = (23, 33)


def hold_options(options: dict) -> dict:
    """The x264 settings of a held picture: HOLD_CRF_DROP better than the rest of the stream's,
    where its parameter sets allow (stitchable); else the same."""
    if "stitchable=1" not in options.get("x264-params", "") or "crf" not in options:
        return options
    return {**options, "crf": f"{float(options['crf']) - HOLD_CRF_DROP:g}"}


def encoder_config(fmt: str, transparent: bool) -> dict:
    """manim config entries for the clip's video encoder: H264_OPTIONS where manim encodes with
    x264; the other codecs keep manim's settings."""
    return {"video_encoder_options": dict(H264_OPTIONS)} if fmt in H264_FORMATS and not transparent else {}


class BitWriter:
    def __init__(self):
        self.bits: list = []

    def u(self, width: int, value: int) -> None:
        self.bits += [(value >> (width - 1 - i)) & 1 for i in range(width)]

    def ue(self, value: int) -> None:
        """Unsigned Exp-Golomb."""
        code = value + 1
        self.u(code.bit_length() - 1, 0)
        self.u(code.bit_length(), code)

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align(self, bit: int) -> None:
        while len(self.bits) % 8:
            self.bits.append(bit)

    def to_bytes(self) -> bytes:
        return bytes(int("".join(map(str, self.bits[i:i + 8])), 2) for i in range(0, len(self.bits), 8))


class BitReader:
    def __init__(self, data: bytes):
        self.data, self.position = data, 0

    def u(self, width: int) -> int:
        value = 0
        for _ in range(width):
            byte = self.data[self.position >> 3]
            value = (value << 1) | ((byte >> (7 - (self.position & 7))) & 1)
            self.position += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        code = self.ue()
        return (code + 1) // 2 if code % 2 else -(code // 2)


def unescape(payload: bytes) -> bytes:
    """NAL payload -> RBSP: drop the emulation prevention byte of every 00 00 03."""
    out, zeros = bytearray(), 0
    for byte in payload:
        if zeros >= 2 and byte == 3:
            zeros = 0
            continue
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def escape(rbsp: bytes) -> bytes:
    """RBSP -> NAL payload: 00 00 followed by 00..03 gets an emulation prevention byte."""
    out, zeros = bytearray(), 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def nal_units(data: bytes) -> list:
    """The NAL units of an Annex B byte stream or of an avcC record (MP4 extradata)."""
    if data[:1] == b"\x01" and len(data) > 6:  # avcC: counted, length-prefixed SPS then PPS
        units, position = [], 5
        for _ in range(2):
            count = data[position] & (0x1F if not units else 0xFF)
            position += 1
            for _ in range(count):
                length = int.from_bytes(data[position:position + 2], "big")
                units.append(data[position + 2:position + 2 + length])
                position += 2 + length
        return units
    return [unit.rstrip(b"\x00") for unit in data.split(b"\x00\x00\x01") if unit.strip(b"\x00")]


@dataclass(frozen=True)
class Headers:
    """What an all-skipped P slice needs to know from the stream's SPS and PPS."""

    macroblocks: int
    log2_max_frame_num: int
    poc_type: int
    log2_max_poc_lsb: int
    chroma: bool
    pps_id: int
    cabac: bool
    bottom_field_poc: bool
    default_refs: int
    weighted_pred: bool
    init_qp: int
    deblocking_control: bool
    redundant_pic_cnt: bool


class Unsupported(ValueError):
    """A stream feature the skipped frames do not handle; the encoder makes those frames instead."""


def _parse_sps(rbsp: bytes) -> dict:
    r = BitReader(rbsp)
    profile = r.u(8)
    r.u(16)  # constraint flags, level
    r.ue()   # seq_parameter_set_id
    chroma_format = 1
    if profile in HIGH_PROFILES:
        chroma_format = r.ue()
        if chroma_format == 3 and r.u(1):
            raise Unsupported("separate colour planes")
        r.ue(), r.ue(), r.u(1)  # bit depths, transform bypass
        if r.u(1):
            raise Unsupported("scaling matrices")
    log2_max_frame_num = r.ue() + 4
    poc_type = r.ue()
    log2_max_poc_lsb = r.ue() + 4 if poc_type == 0 else 0
    if poc_type == 1:
        raise Unsupported("picture order count type 1")
    r.ue(), r.u(1)  # max_num_ref_frames, gaps_in_frame_num_value_allowed_flag
    width, height = r.ue() + 1, r.ue() + 1
    if not r.u(1):
        raise Unsupported("field coding")
    return dict(macroblocks=width * height, log2_max_frame_num=log2_max_frame_num, poc_type=poc_type,
                log2_max_poc_lsb=log2_max_poc_lsb, chroma=chroma_format != 0)


def _parse_pps(rbsp: bytes) -> dict:
    r = BitReader(rbsp)
    pps_id = r.ue()
    r.ue()  # seq_parameter_set_id
    cabac, bottom_field_poc = r.u(1), r.u(1)
    if r.ue():
        raise Unsupported("slice groups")
    default_refs = r.ue() + 1
    r.ue()  # num_ref_idx_l1_default_active_minus1
    weighted_pred = r.u(1)
    r.u(2)  # weighted_bipred_idc
    init_qp = 26 + r.se()
    r.se(), r.se()  # pic_init_qs, chroma_qp_index_offset
    deblocking_control = r.u(1)
    r.u(1)  # constrained_intra_pred_flag
    redundant_pic_cnt = r.u(1)
    return dict(pps_id=pps_id, cabac=bool(cabac), bottom_field_poc=bool(bottom_field_poc), default_refs=default_refs,
                weighted_pred=bool(weighted_pred), init_qp=init_qp, deblocking_control=bool(deblocking_control),
                redundant_pic_cnt=bool(redundant_pic_cnt))


@lru_cache(maxsize=8)
def _cabac_all_skipped(macroblocks: int, slice_qp: int) -> tuple:
    """The CABAC-coded slice data of a P slice whose macroblocks are all skipped, as bits:
    mb_skip_flag = 1 then end_of_slice_flag (0, and 1 after the last), then the flush (9.3.4)."""
    m, n = SKIP_FLAG_INIT
    pre_state = max(1, min(126, ((m * max(0, min(51, slice_qp))) >> 4) + n))
    state, mps = (63 - pre_state, 0) if pre_state <= 63 else (pre_state - 64, 1)
    low, span, outstanding, first = 0, 510, 0, True
    bits: list = []

    def put(bit: int) -> None:
        nonlocal first, outstanding
        if first:
            first = False
        else:
            bits.append(bit)
        bits.extend([1 - bit] * outstanding)
        outstanding = 0

    def renormalise() -> None:
        nonlocal low, span, outstanding
        while span < 256:
            if low < 256:
                put(0)
            elif low >= 512:
                low -= 512
                put(1)
            else:
                low -= 256
                outstanding += 1
            span <<= 1
            low <<= 1

    for index in range(macroblocks):
        lps = RANGE_LPS[state][(span >> 6) & 3]  # mb_skip_flag = 1
        span -= lps
        if mps == 1:
            state = min(state + 1, 62)
        else:
            low, span = low + span, lps
            mps, state = (1 - mps if state == 0 else mps), TRANS_LPS[state]
        renormalise()
        span -= 2  # end_of_slice_flag, coded by the terminating engine
        if index < macroblocks - 1:
            renormalise()
    low += span  # end_of_slice_flag = 1: flush
    span = 2
    renormalise()
    put((low >> 9) & 1)
    bits.extend([(low >> 8) & 1, 1])  # the last of which is rbsp_stop_one_bit
    return tuple(bits)


class HeldFrames:
    """Writes the frames after a hold's first (IDR) frame: P slices with every macroblock skipped."""

    def __init__(self, headers: Headers):
        self.headers = headers

    @classmethod
    def from_headers(cls, data: Iterable[bytes]) -> Optional["HeldFrames"]:
        """From the encoder's parameter sets (extradata and/or the IDR packet, Annex B or avcC);
        None when the stream uses something these frames cannot follow."""
        sps = pps = None
        for chunk in data:
            for unit in nal_units(bytes(chunk)):
                kind = unit[0] & 0x1F
                if kind == NAL_SPS:
                    sps = unit
                elif kind == NAL_PPS:
                    pps = unit
        if sps is None or pps is None:
            return None
        try:
            return cls(Headers(**_parse_sps(unescape(sps[1:])), **_parse_pps(unescape(pps[1:]))))
        except (Unsupported, IndexError):
            return None

    def slice(self, index: int) -> bytes:
        """The NAL unit (no start code) of the `index`-th frame after the IDR frame (index >= 1)."""
        h = self.headers
        w = BitWriter()
        w.u(1, 0), w.u(2, NAL_REF_IDC), w.u(5, NAL_SLICE)
        w.ue(0), w.ue(P_SLICE), w.ue(h.pps_id)  # first_mb_in_slice, slice_type, pic_parameter_set_id
        w.u(h.log2_max_frame_num, index % (1 << h.log2_max_frame_num))  # frame_num: one more per reference frame
        if h.poc_type == 0:
            w.u(h.log2_max_poc_lsb, (2 * index) % (1 << h.log2_max_poc_lsb))  # two per frame, as x264 counts
            if h.bottom_field_poc:
                w.se(0)
        if h.redundant_pic_cnt:
            w.ue(0)
        if h.default_refs != 1:  # num_ref_idx_active_override_flag: one reference, the frame before
            w.u(1, 1), w.ue(0)
        else:
            w.u(1, 0)
        w.u(1, 0)  # ref_pic_list_modification_flag_l0
        if h.weighted_pred:  # pred_weight_table: default weights
            w.ue(0)
            if h.chroma:
                w.ue(0)
            w.u(1, 0)
            if h.chroma:
                w.u(1, 0)
        w.u(1, 0)  # adaptive_ref_pic_marking_mode_flag: sliding window
        if h.cabac:
            w.ue(0)  # cabac_init_idc
        w.se(0)  # slice_qp_delta
        if h.deblocking_control:
            w.ue(1)  # disable_deblocking_filter_idc: nothing to filter in a copy
        if h.cabac:
            w.align(1)  # cabac_alignment_one_bit
            w.bits += _cabac_all_skipped(h.macroblocks, h.init_qp)
        else:
            w.ue(h.macroblocks)  # mb_skip_run
            w.u(1, 1)  # rbsp_stop_one_bit
        w.align(0)
        rbsp = w.to_bytes()
        return rbsp[:1] + escape(rbsp[1:])
