"""Everything between the scenes and the files a user gets: settings and their validation,
layout limits, the scene catalog, the cache, parallel rendering, joining, subtitles, the slide
deck and atomic file writing. No manim import at package level: `render.py numbers` and
`--help` stay instant; modules that render import manim inside their functions.
"""
