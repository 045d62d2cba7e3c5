"""The second process of :func:`hy_analysis.extraction.extract` for a long text: the child's
side, run as ``python -m hy_analysis.extraction.second_process_child`` by
:class:`~hy_analysis.extraction.second_process.SecondProcess` (see that module)."""

from __future__ import annotations

import gc
import os
import pickle
import sys
from pathlib import Path

from .second_process import _PROTOCOL, SecondProcessError, _pickled_error

__all__ = ["main"]

#: A short text read once in the child before its job comes (the vocabulary's and the cues'
#: regexes compiled while the parent is busy).
_WARM_TEXT = ("Năm 2024, GRDP tăng 8,5%; kim ngạch xuất khẩu đạt 7 tỷ USD, thu ngân sách "
              "12.000 tỷ đồng. In 2023, exports reached 5.2 billion USD, up 10%.")


def main() -> int:
    """The child: read the setup and the job from stdin, send the answers on stdout."""
    gc.disable()  # (as extract does while it reads: millions of objects, next to no cycles)
    out = os.fdopen(os.dup(1), "wb")  # the answers' channel ...
    os.dup2(2, 1)  # ... and what the reading code may print goes to stderr, not into it
    sys.stdout = sys.stderr
    source = sys.stdin.buffer

    def send(value) -> None:
        pickle.dump(("ok", value), out, protocol=_PROTOCOL)
        out.flush()

    try:
        folder, region_map, *stamp = pickle.load(source)
        from . import core
        from .reading import load_vocabulary

        if stamp and stamp[0] is not None and stamp[0] != core.CODE_STAMP:
            raise SecondProcessError(
                "the package's code changed on disk after this process imported it (a pull "
                "or a merge while a kernel runs): restart the kernel or process, or read "
                "with workers=1")

        send(str(Path(core.__file__).resolve()))  # the parent checks it imports the same code
        vocab = load_vocabulary(folder, region_map=region_map)
        core.extract(_WARM_TEXT, date="2025-01-01", data_dir=folder, region_map=region_map,
                     workers=1)
        # the text comes first: its places are found while the parent reads its sentences
        text = pickle.load(source)
        places = core._doc_places(vocab, text)
        job = pickle.load(source)
        if job is None:  # the parent found no place to split the text
            return 0
        shared, split = job
        shared.update(text=text, vocab=vocab)
        core._second_part(shared, split, send, places=places)
    except BaseException as error:  # noqa: BLE001 - sent to the parent, which raises it
        try:
            out.write(pickle.dumps(_pickled_error(error), protocol=_PROTOCOL))
            out.flush()
        except Exception:  # noqa: BLE001 - the parent is gone: nobody to tell
            pass
        return 1
    finally:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
