"""Charts: drawing only, per family. They take computed frames and import no analysis module."""
