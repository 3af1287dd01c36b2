# English pages keep the Vietnamese number and date formats: the data is Vietnamese.
from nghiquyet.formats.vi.formats import *  # noqa: F403
