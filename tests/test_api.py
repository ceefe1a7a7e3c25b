"""The Python API (pipeline.api): examples from Python data checked like files, the same numbers
as the command line, requests with the command line's options, renders that raise on failure."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

import render
from attention_math import ExampleError
from pipeline import api
from pipeline.settings import RenderSettings, Request
from tests import fixture_scene
from tests.fixture_scene import FIXTURES
from tests.test_numbers_cli import GOOD_YAML  # dims a, b; x = (1, 0), y = (0, 1); sentences "x y", "y x"; focus x

DATA = dict(dims=["a", "b"], sentences=["x y", "y x"], focus="x", name="ex")


def test_data_as_a_dict_or_an_array_gives_the_numbers_the_command_line_prints_for_the_file(write):
    cli = CliRunner().invoke(render.cli, ["numbers", "--format", "json", "--embeddings", str(write("ex.yaml", GOOD_YAML))])
    assert cli.exit_code == 0, cli.output
    from_dict = api.example(embeddings={"x": [1.0, 0.0], "y": [0.0, 1.0]}, **DATA)
    from_array = api.example(embeddings=np.eye(2), tokens=["x", "y"], **DATA)
    assert api.numbers_text(from_dict, "json") == api.numbers_text(from_array, "json") == cli.output
    assert api.numbers(from_array) == json.loads(cli.output)
    assert api.numbers(from_array)["sentences"][0]["simple"]["scores"] == [[1.0, 0.0], [0.0, 1.0]]  # x·xᵀ by hand


def test_weights_given_as_arrays_are_the_weights_used():
    example = api.example(embeddings=np.eye(2), tokens=["x", "y"], weights={"w_q": np.eye(2), "w_k": 2 * np.eye(2),
                                                                             "w_v": np.ones((2, 1))}, **DATA)
    projection = api.load(example).projection
    assert projection.w_k.tolist() == [[2.0, 0.0], [0.0, 2.0]] and projection.w_v.shape == (2, 1)


@pytest.mark.parametrize("changes,words", [
    (dict(embeddings={"x": [1.0], "y": [0.0, 1.0]}), ["Python data: embeddings.x: has 1 values, expected 2", "fix: give exactly 2 numbers"]),
    (dict(embeddings={"x": [1.0, float("nan")], "y": [0.0, 1.0]}), ["embeddings.x[1]", "not a finite number"]),
    (dict(sentences=["x z"]), ["sentences[0]: unknown token 'z'"]),
    (dict(focus="y", sentences=["x x"]), ["focus: 'y' is in no sentence"]),
    (dict(embeddings=np.eye(2), tokens=["x"]), ["tokens: 1 names for an array of shape (2, 2)"]),
    (dict(embeddings=np.eye(2)), ["tokens: an embedding array needs its token names"]),
    (dict(embeddings={"x": {1.0, 0.0}, "y": [0.0, 1.0]}), ["a set is not a number, list or text"]),
    (dict(weights={"dims": ["c", "d"]}), ["weights.dims: is not a learned weight", "fix: use w_q, w_k"]),
    (dict(weights={"w_q": np.eye(3), "w_k": np.eye(3), "w_v": np.eye(3)}), ["w_q: has 3 rows, expected 2"]),
])
def test_bad_data_is_refused_with_one_line_naming_field_and_fix(changes, words):
    arguments = {**DATA, "embeddings": {"x": [1.0, 0.0], "y": [0.0, 1.0]}, **changes}
    with pytest.raises(ExampleError) as error:
        api.example(**arguments)
    message = str(error.value)
    assert "\n" not in message and "; fix: " in message
    for word in words:
        assert word in message


def test_a_request_takes_the_command_lines_options():
    request = api.request(["softmax", "scores"], resolution=(256, 144), fps=5, theme="light", fmt="webm")
    assert [info.name for info in request.scenes] == ["scores", "softmax"]  # the explainer's order
    assert request.settings == RenderSettings(theme="light", fmt="webm", fps=5, resolution=(256, 144))
    assert request.settings.folder == "256x144-5fps" and request.media_dir == api.MEDIA_DIR
    assert len(api.request().scenes) == len(render.catalog.scene_names())
    with pytest.raises(ExampleError, match="'nope' is not a scene"):
        api.request(["nope"])
    with pytest.raises(ExampleError, match="odd side"):
        api.request(resolution="255x144")


def test_three_sentences_stop_before_anything_renders(tmp_path):
    three = api.example(embeddings=np.eye(2), tokens=["x", "y"], **{**DATA, "sentences": ["x y", "y x", "x x"]})
    assert len(api.numbers(three)["sentences"]) == 3  # the numbers have no drawing limit
    with pytest.raises(ExampleError, match="3 sentences, the scenes draw at most 2"):
        api.render(api.request(["embeddings"], three, media_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_render_raises_on_a_failed_scene_and_returns_the_paths_when_all_succeed(tmp_path, monkeypatch):
    request = Request(FIXTURES, settings=RenderSettings(resolution=(128, 72), fps=5), media_dir=tmp_path, jobs=1, quiet=True)

    def boom(self):
        raise RuntimeError("forced failure")

    with monkeypatch.context() as patch:
        patch.setattr(fixture_scene.FixtureScene, "point", boom)
        with pytest.raises(api.RenderFailed, match="fixture: RuntimeError: forced failure") as failed:
            api.render(request)
    assert [clip.scene for clip in failed.value.summary.failed] == ["fixture"]
    summary = api.render(request)
    folder = tmp_path / "dark" / "128x72-5fps"
    assert api.clip_paths(summary) == {"fixture": folder / "fixture.mp4", "other": folder / "other.mp4",
                                       "attention_explainer": folder / "attention_explainer.mp4"}
    assert [clip.cached for clip in summary.clips] == [False, True]  # the scene that finished is reused
