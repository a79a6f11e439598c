#include "domain/date_text.h"

#include <stdio.h>

void date_text_dmy(const char *zIso, char z[PLAN_DATE_SIZE]) {
  if (!plan_date_valid(zIso)) {
    snprintf(z, PLAN_DATE_SIZE, "%.10s", zIso ? zIso : "");
    return;
  }
  snprintf(z, PLAN_DATE_SIZE, "%.2s-%.2s-%.4s", zIso + 8, zIso + 5, zIso);
}
