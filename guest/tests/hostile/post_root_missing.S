/* post_root_missing.S: guest-managed: exits 0 without POST_ROOT: false, root not declared. */
#include "hostile.h"
START
    EXIT(0)
