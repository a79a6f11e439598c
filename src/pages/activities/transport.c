/*
** Transport for an in-person activity: the seats people asked for in
** their replies, grouped by pickup commune; the vehicles with their
** capacity; who goes in which; and the printable passenger list.
**
** POST /actividades/ID/traslado      admin: accion=vehiculo with label,
**                                    driver, capacity; or accion=asignar
**                                    with seat_INVITATION=VEHICLE (0: none)
**                                    and seat_was_INVITATION, the vehicle
**                                    the form showed: only what the user
**                                    changed is saved, all or nothing
** GET  /actividades/ID/pasajeros.pdf admin: the passenger list
*/
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "pages/activities/activities_pages.h"

/* Invitations that ask for a seat, ordered by pickup commune then name. */
static int seat_requests(Arena *pArena, const ActivityInvitation *aInv,
                         int nInv, const ActivityInvitation ***papReq) {
  const ActivityInvitation **ap =
      arena_alloc(pArena, sizeof(*ap) * (size_t)(nInv + 1));
  int n = 0;
  for (int i = 0; i < nInv; i++) {
    if (aInv[i].bTransport && strcmp(aInv[i].zReply, "declina") != 0) {
      ap[n++] = &aInv[i];
    }
  }
  for (int i = 1; i < n; i++) { /* Insertion sort: a few dozen at most */
    const ActivityInvitation *p = ap[i];
    int k = i - 1;
    while (k >= 0 && strcmp(ap[k]->zPickupName, p->zPickupName) > 0) {
      ap[k + 1] = ap[k];
      k--;
    }
    ap[k + 1] = p;
  }
  *papReq = ap;
  return n;
}

void activity_transport_section(Html *h, Request *r, const Activity *a,
                                const ActivityInvitation *aInv, int nInv) {
  if (!activity_is_in_person(a->zModality)) return;
  Arena *pArena = request_arena(r);
  ActivityVehicle *aVeh = NULL;
  int nVeh = 0;
  activity_vehicles_list(request_db(r), pArena, a->id, &aVeh, &nVeh);
  const ActivityInvitation **apReq = NULL;
  int nReq = seat_requests(pArena, aInv, nInv, &apReq);
  page_section_begin(h, r, "traslado", "Traslado", "traslado");
  if (nReq == 0) {
    html_printf(h, "<p>Nadie ha pedido traslado todavía.</p>\n");
  } else {
    page_post_action_form(h, r, "form", "asignar", "/actividades/%lld/traslado",
                          (long long)a->id);
    const char *zGroup = NULL;
    for (int i = 0; i < nReq; i++) {
      const ActivityInvitation *v = apReq[i];
      if (!zGroup || strcmp(zGroup, v->zPickupName) != 0) {
        if (zGroup) html_printf(h, "</ul>\n");
        zGroup = v->zPickupName;
        int nIn = 0;
        for (int k = i; k < nReq && strcmp(apReq[k]->zPickupName, zGroup) == 0;
             k++) {
          nIn++;
        }
        html_printf(h, "<h3>Desde %s (%d)</h3><ul class=\"passengers\">\n",
                    zGroup, nIn);
      }
      html_printf(h,
                  "<li><label for=\"seat_%lld\">%s (%s)</label> <select id="
                  "\"seat_%lld\" name=\"seat_%lld\"><option value=\"0\">Sin "
                  "vehículo</option>",
                  (long long)v->id, *v->zName ? v->zName : v->zEmail,
                  act_reply_label(v->zReply), (long long)v->id,
                  (long long)v->id);
      for (int k = 0; k < nVeh; k++) {
        html_printf(h, "<option value=\"%lld\"%s>%s (%d/%d)</option>",
                    (long long)aVeh[k].id,
                    aVeh[k].id == v->iVehicle ? " selected" : "",
                    aVeh[k].zLabel, aVeh[k].nAssigned, aVeh[k].nCapacity);
      }
      html_printf(h,
                  "</select><input type=\"hidden\" name=\"seat_was_%lld\" "
                  "value=\"%lld\"></li>\n",
                  (long long)v->id, (long long)v->iVehicle);
    }
    html_printf(h,
                "</ul>\n<div class=\"actions\"><button type=\"submit\" class="
                "\"button\">Guardar asignación</button> <a href=\"/"
                "actividades/%lld/pasajeros.pdf\">Lista de pasajeros (PDF)"
                "</a></div></form>\n",
                (long long)a->id);
  }
  html_printf(h, "<h3>Vehículos</h3>\n");
  if (nVeh == 0) {
    html_printf(h, "<p>Aún no hay vehículos.</p>\n");
  } else {
    html_printf(h, "<ul>");
    for (int k = 0; k < nVeh; k++) {
      html_printf(h, "<li>%s%s%s: %d de %d asientos asignados</li>",
                  aVeh[k].zLabel, *aVeh[k].zDriver ? ", conduce " : "",
                  aVeh[k].zDriver, aVeh[k].nAssigned, aVeh[k].nCapacity);
    }
    html_printf(h, "</ul>\n");
  }
  page_post_action_form(h, r, "form form-inline", "vehiculo",
                        "/actividades/%lld/traslado", (long long)a->id);
  form_input(h, NULL, "label", "Vehículo", "text", "",
             "Por ejemplo: Van SERVIU, patente AB-CD-12.", "required");
  form_input(h, NULL, "driver", "Conductor", "text", "", NULL, NULL);
  form_input(h, NULL, "capacity", "Asientos", "number", "12", NULL,
             "min=\"1\" max=\"80\" required");
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button\">Agregar vehículo</button></div></form></section>\n");
}

void page_activity_transport(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zAction = request_field(r, "accion");
  const char *zBack = arena_printf(
      pArena, "/actividades/%lld?guardado=traslado#traslado", (long long)a.id);
  if (zAction && strcmp(zAction, "vehiculo") == 0) {
    const char *zLabel = request_field(r, "label");
    const char *zCap = request_field(r, "capacity");
    int nCap = zCap ? atoi(zCap) : 0;
    if (!zLabel || !*zLabel || nCap < 1 || nCap > 80) {
      respond_error(r, 422,
                    "Indique el vehículo y cuántos asientos tiene (de 1 a "
                    "80).");
      return;
    }
    if (!page_db_ok(r,
                    activity_vehicle_add(pDb, a.id, zLabel,
                                         request_field(r, "driver"), nCap))) {
      return;
    }
    respond_redirect(r, zBack);
    return;
  }
  if (!zAction || strcmp(zAction, "asignar") != 0) {
    respond_error(r, 400, NULL);
    return;
  }
  ActivityInvitation *aInv = NULL;
  int nInv = 0;
  if (!page_db_ok(r,
                  activity_invitations_list(pDb, pArena, a.id, &aInv, &nInv))) {
    return;
  }
  ActivityVehicle *aVeh = NULL;
  int nVeh = 0;
  if (!page_db_ok(r, activity_vehicles_list(pDb, pArena, a.id, &aVeh, &nVeh)))
    return;
  /* What the user changed: a select whose value differs from the one the
  ** form showed. A seat someone else changed meanwhile is left alone when
  ** this user did not touch it, and is a conflict when both did. */
  int64_t *aiNew = arena_alloc(pArena, sizeof(int64_t) * (size_t)(nInv + 1));
  int *abChanged = arena_alloc(pArena, sizeof(int) * (size_t)(nInv + 1));
  const char *zConflict = NULL;
  for (int i = 0; i < nInv; i++) {
    const char *z = request_field(
        r, arena_printf(pArena, "seat_%lld", (long long)aInv[i].id));
    if (!z) continue;
    const char *zWas = request_field(
        r, arena_printf(pArena, "seat_was_%lld", (long long)aInv[i].id));
    long long iNew = atoll(z);
    long long iWas = zWas ? atoll(zWas) : (long long)aInv[i].iVehicle;
    if (iNew == iWas) continue;
    if (aInv[i].iVehicle != iWas) {
      const char *zNow = "sin vehículo";
      for (int k = 0; k < nVeh; k++) {
        if (aVeh[k].id == aInv[i].iVehicle) zNow = aVeh[k].zLabel;
      }
      zConflict =
          arena_printf(pArena, "%s%s%s (ahora: %s)", zConflict ? zConflict : "",
                       zConflict ? "; " : "",
                       *aInv[i].zName ? aInv[i].zName : aInv[i].zEmail, zNow);
      continue;
    }
    abChanged[i] = 1;
    aiNew[i] = iNew;
  }
  if (zConflict) {
    respond_error(
        r, 409,
        arena_printf(pArena,
                     "Mientras usted editaba, otra persona cambió el traslado "
                     "de: %s. No se guardó nada. Vuelva a la actividad, revise "
                     "la asignación y guarde de nuevo.",
                     zConflict));
    return;
  }
  /* One transaction: everyone who moves leaves their seat first, then takes
  ** the new one, so swapping two people between full vehicles works, and a
  ** vehicle found full saves none of the changes. */
  if (!page_db_ok(r, db_begin(pDb))) return;
  int rc = DB_OK;
  for (int i = 0; i < nInv && rc == DB_OK; i++) {
    if (abChanged[i]) rc = activity_seat_assign(pDb, aInv[i].id, 0);
  }
  for (int i = 0; i < nInv && rc == DB_OK; i++) {
    if (abChanged[i] && aiNew[i]) {
      rc = activity_seat_assign(pDb, aInv[i].id, aiNew[i]);
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    respond_error(r, rc == DB_DONE ? 409 : 500,
                  rc == DB_DONE ? "Ese vehículo ya está lleno: elija otro o "
                                  "agregue un vehículo. No se guardó ningún "
                                  "cambio de esta asignación."
                                : NULL);
    return;
  }
  if (!page_db_ok(r, db_commit(pDb))) return;
  respond_redirect(r, zBack);
}

void page_activity_passengers_pdf(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  ActivityInvitation *aInv = NULL;
  ActivityVehicle *aVeh = NULL;
  int nInv = 0, nVeh = 0;
  if (!page_db_ok(r,
                  activity_invitations_list(pDb, pArena, a.id, &aInv, &nInv)) ||
      !page_db_ok(r, activity_vehicles_list(pDb, pArena, a.id, &aVeh, &nVeh))) {
    return;
  }
  const ActivityInvitation **apReq = NULL;
  int nReq = seat_requests(pArena, aInv, nInv, &apReq);
  static const char *const azHead[] = {"Vehículo", "Recoger en", "Pasajero",
                                       "Correo", "Firma"};
  static const double aWidth[] = {2, 1.5, 2.5, 2.5, 1.5};
  const char **azCell =
      arena_alloc(pArena, sizeof(char *) * 5 * (size_t)(nReq + 1));
  for (int i = 0; i < nReq; i++) {
    const char *zVeh = "Sin asignar";
    for (int k = 0; k < nVeh; k++) {
      if (aVeh[k].id == apReq[i]->iVehicle) zVeh = aVeh[k].zLabel;
    }
    azCell[i * 5 + 0] = zVeh;
    azCell[i * 5 + 1] = apReq[i]->zPickupName;
    azCell[i * 5 + 2] = apReq[i]->zName;
    azCell[i * 5 + 3] = apReq[i]->zEmail;
    azCell[i * 5 + 4] = "";
  }
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(a.iStart, a.iEnd, zWhen, sizeof(zWhen));
  ExportTable t = {
      "Lista de pasajeros",
      arena_printf(pArena, "%s — %s", a.zTitle, zWhen),
      arena_printf(pArena, "Destino: %s", convene_place(pArena, &a)),
      5,
      azHead,
      aWidth,
      nReq,
      azCell};
  ExportPdfOptions opt;
  memset(&opt, 0, sizeof(opt));
  opt.minRowHeightPt = 24;
  const char *zOut = NULL;
  size_t nOut = 0;
  char zErr[200];
  int rc = export_pdf(pArena, &t, &opt, &zOut, &nOut, zErr, sizeof(zErr));
  page_send_export(r, rc, EXPORT_PDF_TYPE, "inline; filename=\"pasajeros.pdf\"",
                   zOut, nOut);
}
