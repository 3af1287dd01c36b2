"""nghiquyet: track and assess how a Party Congress resolution is carried out."""

__version__ = "0.1.0"
