/* CRVX.h: umbrella header of the CRVX clang module (guest/sdk/swift/CRVX/module.modulemap). */
#include "rvx/rvx.h"
