"""attention_explainer.html: a page beside the joined video that plays it with its subtitles and a
chapter list, so a teacher can upload the folder to a course page as it is.

Everything is referenced by a relative path and nothing comes from the network. Browsers load
the subtitle and chapter tracks when the page is served (a course page, or `python3 -m
http.server` in the folder); Chromium refuses tracks to a page opened straight from disk.
"""

from __future__ import annotations

import html
from pathlib import Path

WEB_FORMATS = ("mp4", "webm")  # what browsers play (mov holds codecs they do not)

# The start of every page this project writes (this one and the slide deck); a str.format template.
HTML_HEAD = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
"""

PAGE = HTML_HEAD + """<style>
  body {{ margin: 0 auto; max-width: 1280px; padding: 1rem; background: #111; color: #eee; font-family: sans-serif; }}
  video {{ display: block; width: 100%; height: auto; background: #000; }}
  #chapters button {{ font: inherit; color: inherit; background: none; border: 0; padding: 0.2rem 0; cursor: pointer; }}
</style>
</head>
<body>
<h1>{title}</h1>
<video controls preload="metadata" playsinline src="{video}">
  <track kind="subtitles" label="English" srclang="en" src="{subtitles}" default>
  <track kind="chapters" label="Chapters" srclang="en" src="{chapters}">
</video>
<nav><ol id="chapters"></ol></nav>
<script>
  // The chapter list is built from the chapters track; a click jumps to the chapter. Whether the
  // video and each track loaded is recorded in <html data-media> (a quick check, and the tests').
  (function () {{
    var video = document.querySelector('video'), list = document.getElementById('chapters');
    var state = {{video: video.readyState > 0 ? 'loaded' : 'loading'}};
    function mark() {{
      document.documentElement.setAttribute('data-media', Object.keys(state).map(function (k) {{ return k + ':' + state[k]; }}).join(' '));
    }}
    function loaded(element) {{
      state[element.kind] = element.track.cues.length + '-cues';
      if (element.kind === 'chapters') {{
        Array.prototype.forEach.call(element.track.cues, function (cue) {{
          var item = document.createElement('li'), button = document.createElement('button');
          button.textContent = cue.text;
          button.addEventListener('click', function () {{ video.currentTime = cue.startTime; video.play(); }});
          item.appendChild(button);
          list.appendChild(item);
        }});
      }}
      mark();
    }}
    video.addEventListener('loadedmetadata', function () {{ state.video = 'loaded'; mark(); }});
    video.addEventListener('error', function () {{ state.video = 'error'; mark(); }});
    Array.prototype.forEach.call(video.querySelectorAll('track'), function (element) {{
      state[element.kind] = 'loading';
      element.addEventListener('load', function () {{ loaded(element); }});
      element.addEventListener('error', function () {{ state[element.kind] = 'error'; mark(); }});
      if (element.track.mode === 'disabled') element.track.mode = 'hidden';  // a disabled track never loads
    }});
    mark();
  }})();
</script>
</body>
</html>
"""


def explainer_page(video: Path, title: str) -> str:
    """The page for `video` (attention_explainer.mp4), which has .vtt subtitles and .chapters.vtt beside it."""
    names = {"video": video.name, "subtitles": video.with_suffix(".vtt").name,
             "chapters": video.with_suffix(".chapters.vtt").name}
    return PAGE.format(title=html.escape(title), **{k: html.escape(v, quote=True) for k, v in names.items()})
