#ifndef LUCID_CCODECSHIMS_H
#define LUCID_CCODECSHIMS_H
#include <stddef.h>
#include <stdint.h>
#endif
