"""
People and places as the officer, the public and scripts see them: the
public members page without personal data, forms that refuse bad input
with 422 and write nothing, CSV import that is all or nothing, invitations,
role and CSRF checks on every new route, the territory and members APIs,
and `cosoc rut`.
"""
import re
import uuid

from support import ServerTestCase, query_one, run_cli

ADMIN_GET_ROUTES = [
    "/admin/integrantes", "/admin/integrantes/nuevo", "/admin/integrantes/importar",
    "/admin/integrantes/plantilla.csv", "/admin/integrantes/1",
    "/admin/organizaciones", "/admin/organizaciones/nueva",
    "/admin/organizaciones/importar", "/admin/organizaciones/plantilla.csv",
    "/admin/organizaciones/1", "/admin/directorio", "/admin/directorio/nuevo",
    "/admin/directorio/1", "/admin/integrantes.csv", "/admin/integrantes.xlsx",
    "/admin/organizaciones.csv", "/admin/organizaciones.xlsx",
    "/admin/directorio.csv", "/admin/directorio.xlsx",
]
ADMIN_POST_ROUTES = [
    "/admin/integrantes/nuevo", "/admin/integrantes/importar", "/admin/integrantes/1",
    "/admin/integrantes/1/invitar", "/admin/organizaciones/nueva",
    "/admin/organizaciones/importar", "/admin/organizaciones/1",
    "/admin/directorio/nuevo", "/admin/directorio/1", "/admin/integrantes/periodo",
]


def rut_dv(body):
    """The módulo 11 check digit, written independently of the C code."""
    total, factor = 0, 2
    for digit in reversed(str(body)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    dv = 11 - total % 11
    return {11: "0", 10: "K"}.get(dv, str(dv))


def rut(body):
    return "%d-%s" % (body, rut_dv(body))


def display(body):
    return "{:,}".format(body).replace(",", ".") + "-" + rut_dv(body)


class PeopleCase(ServerTestCase):
    def count(self, table):
        return int(query_one(self.demo.path, "SELECT count(*) FROM %s" % table))

    def member_form(self, **over):
        form = {"nombres": "Teresa", "apellidos": "Alfaro Soto", "run": rut(16543210),
                "correo": "teresa.alfaro@example.cl", "telefono": "+56 9 5555 1234",
                "comuna": "04105", "genero": "femenino", "organizacion": "#1",
                "cargo": "consejero", "calidad": "titular", "suplente_de": "",
                "inicio_periodo": "2024-03-01", "fin_periodo": "", "estado": "vigente",
                "fecha_estado": "", "motivo_estado": ""}
        form.update(over)
        return form

    def import_csv(self, client, path, text):
        token = client.csrf_from(path)
        return client.post(path, form={"csrf_token": token, "texto": text})


class PublicMembersPage(PeopleCase):
    def test_public_page_lists_demo_councillors_with_roles_and_terms(self):
        r = self.client().get("/integrantes")
        self.assertEqual(r.status, 200)
        self.assertIn("Integrantes del consejo", r.text)
        self.assertIn("María Eugenia Pizarro Alfaro", r.text)
        self.assertIn("Presidente/a", r.text)
        self.assertIn("Suplente de", r.text)
        # Terms read day first, as the council's documents write them.
        self.assertIn("01-03-2024 al ", r.text)
        self.assertNotIn("2024-03-01", r.text)

    def test_public_page_never_shows_run_email_or_phone_of_a_new_councillor(self):
        c = self.admin()
        body = 17654321
        token = c.csrf_from("/admin/integrantes/nuevo")
        form = self.member_form(run=display(body), correo="privada.%s@example.cl" % uuid.uuid4().hex[:6],
                                telefono="+56 9 8123 4567", nombres="Privada",
                                apellidos="Persona Prueba")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 303, r.text[:2000])
        detail = c.get(r.header("Location"))
        self.assertIn(display(body), detail.text)  # the officer sees it
        for client in (self.client(), c):
            page = client.get("/integrantes").text
            self.assertIn("Privada Persona Prueba", page)
            for secret in (rut(body), display(body), str(body), form["correo"],
                           "8123 4567", "81234567"):
                self.assertNotIn(secret, page)

    def test_members_api_has_contract_keys_and_no_personal_data(self):
        token = self.token_for(self.demo.email)
        r = self.client().get("/api/members", headers={"Authorization": "Bearer " + token})
        self.assertEqual(r.status, 200)
        members = r.json()
        self.assertGreaterEqual(len(members), 8)
        for m in members:
            for key in ("id", "name", "organization", "role", "titular", "commune"):
                self.assertIn(key, m)
            for key in ("run", "email", "phone"):
                self.assertNotIn(key, m)
            self.assertIsInstance(m["titular"], bool)
            self.assertRegex(m["commune"], r"^\d{5}$")
        self.assertNotIn("@demo.cosoc.cl", r.text)

    def test_members_api_requires_sign_in(self):
        r = self.client().get("/api/members")
        self.assertEqual(r.status, 401)
        self.assertIn("error", r.json())


class MemberForms(PeopleCase):
    def test_bad_fields_get_422_with_a_message_per_field_and_nothing_written(self):
        c = self.admin()
        before = self.count("members")
        token = c.csrf_from("/admin/integrantes/nuevo")
        form = self.member_form(run="12345678-0", correo="no-es-correo", comuna="Narnia",
                                inicio_periodo="2024-02-30", nombres="Mal Escrita")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 422)
        self.assertIn("debería ser 5", r.text)
        self.assertIn("Narnia", r.text)
        self.assertIn("AAAA-MM-DD", r.text)
        self.assertIn('id="run"', r.text)
        self.assertIn('value="no-es-correo"', r.text)  # what was typed comes back
        self.assertEqual(self.count("members"), before)

    def test_duplicate_run_is_refused(self):
        c = self.admin()
        token = c.csrf_from("/admin/integrantes/nuevo")
        form = self.member_form(run=rut(9876543), correo="")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 422)
        self.assertIn("Ya hay un consejero o consejera con ese RUN", r.text)

    def test_status_change_needs_date_and_reason(self):
        c = self.admin()
        token = c.csrf_from("/admin/integrantes/nuevo")
        form = self.member_form(run=rut(18765432), correo="", estado="renuncio")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 422)
        self.assertIn("Indique desde qué fecha", r.text)
        self.assertIn("Indique el motivo", r.text)

    def test_list_filters_by_province_and_role(self):
        c = self.admin()
        limari = c.get("/admin/integrantes?provincia=043").text
        self.assertIn("Ximena", limari)
        self.assertNotIn("María Eugenia", limari)
        presidents = c.get("/admin/integrantes?rol=presidente").text
        self.assertIn("María Eugenia", presidents)
        self.assertNotIn("Ximena", presidents)
        search = c.get("/admin/integrantes?q=godoy").text
        self.assertIn("Luis Alberto", search)
        self.assertNotIn("Héctor", search)

    def test_invitation_link_creates_an_account_once(self):
        c = self.admin()
        token = c.csrf_from("/admin/integrantes/nuevo")
        email = "invitada.%s@example.cl" % uuid.uuid4().hex[:6]
        form = self.member_form(run=rut(19876543), correo=email, nombres="Invitada")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 303)
        member_path = r.header("Location").split("?")[0]
        inv = c.post(member_path + "/invitar", form={"csrf_token": token})
        self.assertEqual(inv.status, 200)
        link = re.search(r"/invitacion\?t=([A-Za-z0-9_-]{43})", inv.text)
        secret, link = link.group(1), link.group(0)
        guest = self.client()
        gtoken = guest.csrf_from(link)
        bad = guest.post("/invitacion", form={"csrf_token": gtoken, "t": secret,
                                              "password": "clave-nueva-1",
                                              "password_confirm": "otra-clave-1"})
        self.assertEqual(bad.status, 422)
        ok = guest.post("/invitacion", form={"csrf_token": gtoken, "t": secret,
                                             "password": "clave-nueva-1",
                                             "password_confirm": "clave-nueva-1"})
        self.assertEqual(ok.status, 303)
        again = self.client().get(link)
        self.assertEqual(again.status, 404)
        fresh = self.client()
        fresh.login(email, "clave-nueva-1")
        self.assertIn("Consejero", fresh.get("/cuenta").text)
        self.assertNotIn(secret, self.server.output())  # never in the log


class TermSetting(PeopleCase):
    def test_term_length_setting_sets_the_default_term_end(self):
        c = self.admin()
        token = c.csrf_from("/admin/integrantes")
        self.assertIn("Femenino: 4", c.get("/admin/integrantes").text)
        self.assertEqual(c.post("/admin/integrantes/periodo",
                                form={"csrf_token": token, "anos": "0"}).status, 422)
        self.assertEqual(c.post("/admin/integrantes/periodo",
                                form={"csrf_token": token, "anos": "2"}).status, 303)
        form = self.member_form(run=rut(22333444), correo="", nombres="Periodo Corto")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 303)
        end = query_one(self.demo.path, "SELECT term_end FROM members WHERE run = ?",
                        (rut(22333444),))
        self.assertEqual(end, "2026-03-01")


class CsvImport(PeopleCase):
    def test_bad_rows_import_nothing_and_every_bad_row_is_listed(self):
        c = self.admin()
        before = self.count("members")
        csv = ("nombres;apellidos;run;correo;comuna;organizacion;inicio_periodo\r\n"
               "Buena;Fila Uno;%s;buena.uno@example.cl;Vicuña;%s;2024-03-01\r\n"
               "Mala;Rut;12345678-0;mala.rut@example.cl;Ovalle;%s;2024-03-01\r\n"
               "Mala;Comuna;%s;mala.comuna@example.cl;Gotham;%s;2024-03-01\r\n"
               "Mala;Duplicada;%s;buena.uno@example.cl;Illapel;%s;2024-03-01\r\n"
               % (rut(20111222), rut(65012345), rut(65012345), rut(20333444),
                  rut(65012345), rut(20111222), rut(65012345)))
        r = self.import_csv(c, "/admin/integrantes/importar", csv)
        self.assertEqual(r.status, 422)
        self.assertIn("No se importó nada", r.text)
        table = r.text[r.text.index('id="errores"'):]
        for line in ("3", "4", "5"):
            self.assertRegex(table, r'data-label="Línea">%s<' % line)
        self.assertNotRegex(table, r'data-label="Línea">2<')
        self.assertIn("debería ser 5", table)
        self.assertIn("Gotham", table)
        self.assertIn("se repite en el archivo", table)
        self.assertEqual(self.count("members"), before)
        self.assertNotIn("Fila Uno", c.get("/admin/integrantes").text)

    def test_good_files_import_organizations_then_councillors_with_substitutes(self):
        c = self.admin()
        orgs = ("\ufeffnombre,tipo,rut,comuna,miembro\n"
                "Junta de Vecinos El Molle,Junta de Vecinos,%s,Paihuano,sí\n"
                "\"Comité \"\"Los Aromos\"\", Canela\",comité de vivienda,,4202,sí\n"
                % display(65999888))
        r = self.import_csv(c, "/admin/organizaciones/importar", orgs)
        self.assertEqual(r.status, 200, r.text[-3000:])
        self.assertIn("Se importaron 2 filas", r.text)
        listing = c.get("/admin/organizaciones").text
        self.assertIn("Comité &quot;Los Aromos&quot;, Canela", listing)
        self.assertIn("Paiguano", listing)  # the alias became the official commune
        members = ("nombres;apellidos;run;comuna;organizacion;calidad;suplente_de;inicio_periodo\n"
                   "Titular;Importada;%s;Paiguano;%s;titular;;2024-03-01\n"
                   "Suplente;Importada;%s;La Serena;Junta de Vecinos El Molle;suplente;%s;2024-03-01\n"
                   % (display(21222333), display(65999888), rut(21444555), display(21222333)))
        r = self.import_csv(c, "/admin/integrantes/importar", members)
        self.assertEqual(r.status, 200, r.text[-3000:])
        public = self.client().get("/integrantes").text
        self.assertIn("Suplente de Titular Importada", public)
        end = query_one(self.demo.path, "SELECT term_end FROM members WHERE run = ?",
                        (rut(21222333),))
        self.assertEqual(end, "2028-03-01")  # the council's 4-year term

    def test_multipart_file_upload_is_read_and_checked(self):
        c = self.admin()
        token = c.csrf_from("/admin/organizaciones/importar")
        boundary = "----cosoc" + uuid.uuid4().hex
        content = "nombre;tipo;comuna\nSin Comuna;ong;\n".encode()
        body = ("--%s\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n%s\r\n"
                "--%s\r\nContent-Disposition: form-data; name=\"archivo\"; filename=\"o.csv\"\r\n"
                "Content-Type: text/csv\r\n\r\n" % (boundary, token, boundary)).encode() \
            + content + ("\r\n--%s--\r\n" % boundary).encode()
        r = c.post("/admin/organizaciones/importar", body=body,
                   headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
        self.assertEqual(r.status, 422)
        self.assertIn("Elija la comuna", r.text)

    def test_templates_download_with_the_documented_columns(self):
        c = self.admin()
        r = c.get("/admin/integrantes/plantilla.csv")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        header = r.text.lstrip("\ufeff").splitlines()[0].split(";")
        page = c.get("/admin/integrantes/importar").text
        for column in header:
            self.assertIn("<code>%s</code>" % column, page)
        self.assertIn("run", header)
        orgs = c.get("/admin/organizaciones/plantilla.csv").text
        self.assertIn("nombre;tipo;rut", orgs)


class OrganizationsAndDirectory(PeopleCase):
    def test_organization_form_refuses_bad_rut_and_saves_good_one(self):
        c = self.admin()
        before = self.count("organizations")
        token = c.csrf_from("/admin/organizaciones/nueva")
        form = {"csrf_token": token, "nombre": "ONG Prueba", "tipo": "ong",
                "rut": "65.000.000-0", "comuna": "04203", "miembro": "si"}
        bad = c.post("/admin/organizaciones/nueva", form=form)
        self.assertEqual(bad.status, 422)
        self.assertIn("dígito verificador", bad.text)
        self.assertEqual(self.count("organizations"), before)
        form["rut"] = display(65000000)
        ok = c.post("/admin/organizaciones/nueva", form=form)
        self.assertEqual(ok.status, 303)
        self.assertIn(display(65000000), c.get(ok.header("Location")).text)

    def test_directory_lists_demo_authorities_and_filters_by_kind(self):
        c = self.admin()
        r = c.get("/admin/directorio")
        self.assertEqual(r.status, 200)
        self.assertIn("Serviu Región de Coquimbo", r.text)
        self.assertIn("Municipalidad de Ovalle", r.text)
        only = c.get("/admin/directorio?tipo=municipio").text
        self.assertIn("Municipalidad de Ovalle", only)
        self.assertNotIn("Serviu Región de Coquimbo", only)
        token = c.csrf_from("/admin/directorio/nuevo")
        bad = c.post("/admin/directorio/nuevo", form={"csrf_token": token, "institucion": "",
                                                      "tipo": "nada", "estado": "por_contactar"})
        self.assertEqual(bad.status, 422)
        ok = c.post("/admin/directorio/nuevo", form={
            "csrf_token": token, "institucion": "Gobierno Regional de Coquimbo",
            "tipo": "gobierno_regional", "comuna": "04101", "estado": "contactado",
            "motivo": "Fondos regionales"})
        self.assertEqual(ok.status, 303)
        self.assertIn("Gobierno Regional de Coquimbo", c.get("/admin/directorio?provincia=041").text)


class RolesAndCsrf(PeopleCase):
    def test_anonymous_is_sent_to_login_from_every_admin_page(self):
        c = self.client()
        for path in ADMIN_GET_ROUTES:
            r = c.get(path)
            self.assertEqual(r.status, 303, path)
            self.assertTrue(r.header("Location").startswith("/login"), path)

    def test_councillor_and_authority_are_refused_every_admin_route(self):
        for role in ("consejero", "autoridad"):
            email = "%s.%s@example.cl" % (role, uuid.uuid4().hex[:6])
            self.add_user(email, "Sin Permiso", role)
            c = self.client()
            c.login(email, "clave-de-prueba-1")
            token = c.csrf_from("/cuenta")
            for path in ADMIN_GET_ROUTES:
                self.assertEqual(c.get(path).status, 403, path)
            for path in ADMIN_POST_ROUTES:
                self.assertEqual(c.post(path, form={"csrf_token": token}).status, 403, path)

    def test_posts_without_csrf_token_are_refused_and_change_nothing(self):
        c = self.admin()
        before = (self.count("members"), self.count("organizations"),
                  self.count("directory_entries"), self.count("member_invitations"))
        for path in ADMIN_POST_ROUTES:
            self.assertEqual(c.post(path, form=self.member_form(nombre="X", institucion="X",
                                                                tipo="ong")).status,
                             403, path)
        r = c.post("/invitacion", form={"t": "a" * 43, "password": "x" * 10})
        self.assertEqual(r.status, 403)
        after = (self.count("members"), self.count("organizations"),
                 self.count("directory_entries"), self.count("member_invitations"))
        self.assertEqual(before, after)

    def test_public_routes_are_open(self):
        c = self.client()
        self.assertEqual(c.get("/integrantes").status, 200)
        self.assertEqual(c.get("/api/territory/regions/04").status, 200)
        self.assertIn('href="/integrantes"', c.get("/").text)


class TerritoryApi(PeopleCase):
    def test_coquimbo_has_its_three_provinces_and_fifteen_communes(self):
        r = self.client().get("/api/territory/regions/04")
        self.assertEqual(r.status, 200)
        data = r.json()
        self.assertEqual((data["code"], data["name"]), ("04", "Coquimbo"))
        provinces = {p["code"]: p for p in data["provinces"]}
        self.assertEqual(sorted(provinces), ["041", "042", "043"])
        self.assertEqual(provinces["041"]["name"], "Elqui")
        self.assertEqual(provinces["043"]["name"], "Limarí")
        communes = {c["code"]: c["name"] for p in data["provinces"] for c in p["communes"]}
        self.assertEqual(len(communes), 15)
        self.assertEqual(communes["04101"], "La Serena")
        self.assertEqual(communes["04305"], "Río Hurtado")
        for p in data["provinces"]:
            self.assertEqual(set(p), {"code", "name", "communes"})

    def test_nuble_is_region_16_with_21_communes(self):
        data = self.client().get("/api/territory/regions/16").json()
        self.assertEqual(data["name"], "Ñuble")
        self.assertEqual(len(data["provinces"]), 3)
        self.assertEqual(sum(len(p["communes"]) for p in data["provinces"]), 21)

    def test_unknown_region_is_a_json_404(self):
        for code in ("99", "4", "abc"):
            r = self.client().get("/api/territory/regions/" + code)
            self.assertEqual(r.status, 404, code)
            self.assertIn("error", r.json())


class Exports(PeopleCase):
    def test_admin_exports_carry_personal_data_and_follow_filters(self):
        c = self.admin()
        r = c.get("/admin/integrantes.csv?provincia=043")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        self.assertIn("attachment", r.header("Content-Disposition"))
        self.assertIn("Ximena", r.text)
        self.assertIn(display(12334455), r.text)
        self.assertIn("ximena.cortes@demo.cosoc.cl", r.text)
        self.assertNotIn("María Eugenia", r.text)
        x = c.get("/admin/integrantes.xlsx")
        self.assertEqual(x.status, 200)
        self.assertTrue(x.body.startswith(b"PK"))
        self.assertIn("spreadsheetml", x.header("Content-Type"))
        for path in ("/admin/organizaciones", "/admin/directorio"):
            self.assertEqual(c.get(path + ".csv").status, 200, path)
            self.assertTrue(c.get(path + ".xlsx").body.startswith(b"PK"), path)
        self.assertIn("Serviu Región de Coquimbo", c.get("/admin/directorio.csv").text)

    def test_public_export_has_names_and_roles_but_no_contact_data(self):
        c = self.client()
        r = c.get("/integrantes.csv")
        self.assertEqual(r.status, 200)
        self.assertIn("María Eugenia Pizarro Alfaro", r.text)
        self.assertIn("Presidente/a", r.text)
        for secret in ("@", "+56", display(9876543), rut(9876543)):
            self.assertNotIn(secret, r.text)
        x = c.get("/integrantes.xlsx")
        self.assertEqual(x.status, 200)
        self.assertTrue(x.body.startswith(b"PK"))
        import io
        import zipfile
        with zipfile.ZipFile(io.BytesIO(x.body)) as z:
            text = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        self.assertIn("Pizarro", text)
        self.assertNotIn("@demo.cosoc.cl", text)
        self.assertNotIn(display(9876543), text)

class RutCommand(PeopleCase):
    def test_valid_values_print_normalized_and_exit_0(self):
        p = run_cli("rut", "12345678-5", "12.345.678-5", "123456785", "10000013-k", check=0)
        self.assertEqual(p.stdout.splitlines(),
                         ["12.345.678-5", "12.345.678-5", "12.345.678-5", "10.000.013-K"])

    def test_any_invalid_value_exits_1_with_its_reason(self):
        p = run_cli("rut", "12.345.678-5", "12345678-0", "hola", check=1)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0], "12.345.678-5")
        self.assertIn("debería ser 5", lines[1])
        self.assertIn("hola", lines[2])

    def test_no_value_is_a_usage_error(self):
        run_cli("rut", check=2)
        self.assertIn("Uso:", run_cli("rut", "--help", check=0).stdout)
