"""tending: a private companion for healing and self-care through closeness."""

__version__ = "0.1.0"

import os as _os

# numpy's BLAS, when it comes to be imported (the insights' statistics), works in one thread:
# its small products gain nothing from more, and on a busy two-core server threads that wait
# for each other made them a hundred times slower.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")
