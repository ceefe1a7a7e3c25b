"""examples/custom_embeddings.ipynb runs top to bottom in a fresh kernel (as a lecturer would run
it on a clean checkout), with no error cell, and leaves the clips and the PowerPoint deck it says."""

import nbformat
import pytest
from nbclient import NotebookClient
from pptx import Presentation

from pipeline import catalog

from tests.conftest import ROOT

NOTEBOOK = ROOT / "examples" / "custom_embeddings.ipynb"


@pytest.mark.xdist_group("notebook")
def test_the_lecturers_notebook_runs_without_an_error_cell(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTENTION_MEDIA_DIR", str(tmp_path / "media"))  # not the checkout's media/
    monkeypatch.setenv("ATTENTION_VOICE", "none")  # silent clips: the voice is tested on its own, and costs time
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")  # kept clean
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises on an error cell
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "bank attends to" in printed and printed.count("\n   bank attends to") == 3  # three sentences
    videos = [output for output in outputs if "<video" in output.get("data", {}).get("text/html", "")]
    assert len(videos) == 2 and all("base64" in v["data"]["text/html"] for v in videos)  # embedded inline
    (deck,) = (tmp_path / "media" / "dark").glob("attention_explainer-*.pptx")
    assert str(deck) in printed
    slides = Presentation(str(deck)).slides
    titles = [slide.shapes.title.text for slide in slides]  # one slide per step of the two scenes, in order
    assert sorted(set(titles), key=titles.index) == [catalog.by_name(n).title for n in ("softmax", "contexts")]
    assert len(titles) > 4 and all(slide.notes_slide.notes_text_frame.text for slide in slides)  # narrated
