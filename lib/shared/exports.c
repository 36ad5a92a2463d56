/* The shared library's code comes from the static archives linked in whole;
 * exports.map decides what is visible.  This unit only gives the target a source. */
#include "MI.h"
