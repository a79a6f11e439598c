/*
** Error pages: a Spanish explanation and a way back, never internals. API
** paths get the JSON error shape of the contract instead.
*/
#include <stddef.h>

#include "pages/page.h"
#include "pages/routes.h"

typedef struct ErrorText {
  int iStatus;
  const char *zTitle;   /* Heading */
  const char *zMessage; /* What happened and what to do */
} ErrorText;

static const ErrorText aError[] = {
    {400, "Solicitud no válida",
     "La solicitud llegó incompleta o con datos que no se pueden leer."},
    {401, "Debe identificarse", "Ingrese con su cuenta para continuar."},
    {403, "No tiene permiso",
     "Su cuenta no tiene permiso para ver esta página o hacer esta acción. "
     "Si cree que es un error, hable con la encargada de participación "
     "ciudadana."},
    {404, "Página no encontrada",
     "La dirección no existe o la página fue movida. Revise la dirección o "
     "vuelva al inicio."},
    {405, "Método no permitido", "Esta dirección no acepta esa acción."},
    {413, "Envío demasiado grande",
     "Lo que intentó enviar supera el tamaño permitido."},
    {422, "Datos no válidos", "Revise los datos e intente de nuevo."},
    {429, "Demasiados intentos",
     "Espere unos minutos antes de volver a intentarlo."},
    {500, "Error interno",
     "Algo falló de nuestro lado. El problema quedó registrado; intente de "
     "nuevo en unos minutos."},
    {503, "Servicio no disponible",
     "El sistema no puede atender en este momento. Intente de nuevo en unos "
     "minutos."},
};

static const ErrorText *error_text(int iStatus) {
  for (size_t i = 0; i < sizeof(aError) / sizeof(aError[0]); i++) {
    if (aError[i].iStatus == iStatus) return &aError[i];
  }
  return &aError[sizeof(aError) / sizeof(aError[0]) - 2]; /* 500 */
}

void page_error_render(Request *r, int iStatus, const char *zMessage) {
  const ErrorText *pText = error_text(iStatus);
  const char *zBody = zMessage ? zMessage : pText->zMessage;
  if (request_is_api(r)) {
    respond_json_error(r, iStatus, zBody, NULL);
    return;
  }
  Html h;
  page_begin(r, &h, pText->zTitle, NULL);
  html_printf(&h,
              "<section class=\"error-page\"><p class=\"error-code\">%d</p>"
              "<h1>%s</h1><p>%s</p><p><a class=\"button\" href=\"/\">Ir al "
              "inicio</a></p></section>\n",
              iStatus, pText->zTitle, zBody);
  page_finish(r, &h, iStatus);
}
