"""Campaign Canvas: design marketing campaigns on a canvas and simulate them."""

__version__ = "0.1.0"
