"""Charts: drawing only, per family. They take computed frames and import no analysis module.

``base`` holds the theme, the Vietnamese-capable font, number formats and the source line;
each family module (``growth``, ``fdi``, ``urbanisation``, ``consistency``) has Axes-level
``plot_*(data, *, ..., ax=None) -> Axes`` functions and, named ``plot_*_figure``, the
figure-level ones that draw several panels.
"""
