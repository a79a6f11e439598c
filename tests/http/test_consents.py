"""
Consents and sensitive data (issue 21, items 1-2).

A person's consents (purpose, date, how, withdrawal) are kept and exported
with their data; a photo showing someone who refused or withdrew consent to
photographs is not shown publicly. A person's own sensitive category is
recorded only with an explicit consent in force, kept apart, shown to the
officer only and reported as aggregates where fewer than 5 reads «menos de
5». The walk: every GET route of the route table, as a councillor, an
authority and a visitor, never shows a planted category.
"""
import os
import re
import unittest

from support import ServerTestCase, query_one
from test_evidence import MP, multipart
from test_photo_privacy import png_with_metadata

PLANTED = "Categoría plantada Q7-sensible"
ROUTES = os.path.join(os.path.dirname(__file__), "..", "..", "src", "pages", "routes.c")


def get_routes():
    """Every (pattern, GET roles) of the route table."""
    with open(ROUTES, encoding="utf-8") as f:
        text = f.read()
    return re.findall(r'\{"(/[^"]*)",\s*([A-Z_]+),', text)


class Consents(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_user("consejera.walk@example.cl", "Consejera Walk", "consejero")
        cls.add_user("autoridad.walk@example.cl", "Autoridad Walk", "autoridad")

    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def member_id(self, first_names):
        return int(self.q("SELECT id FROM members WHERE first_names = ?", first_names))

    def test_consents_are_recorded_exported_and_withdrawn(self):
        mid = self.member_id("María Eugenia")
        r = self.api("POST", "/api/members/%d/consents" % mid, {"purpose": "otra"})
        self.assertEqual((r.status, r.json()["field"]), (422, "purpose"))
        r = self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "participacion", "given": True, "date": "2026-12-02",
            "method": "correo"})
        self.assertEqual(r.status, 201, r.text)
        cid = r.json()["id"]
        data = self.api("GET", "/api/members/%d/data" % mid).json()
        mine = [c for c in data["consents"] if c["id"] == cid][0]
        self.assertEqual((mine["purpose"], mine["given"], mine["method"], mine["withdrawn_on"]),
                         ("participacion", True, "correo", None))
        self.assertEqual(self.api("POST", "/api/consents/%d/withdraw" % cid,
                                  {"date": "2026-12-03"}).status, 200)
        data = self.api("GET", "/api/members/%d/data" % mid).json()
        self.assertEqual([c for c in data["consents"] if c["id"] == cid][0]["withdrawn_on"],
                         "2026-12-03")
        self.assertEqual(self.api("POST", "/api/consents/%d/withdraw" % cid, {}).status, 404)
        # The officer's page lists them.
        page = self.admin().get("/admin/integrantes/%d/datos" % mid).text
        self.assertIn("Retirado el 03-12-2026", page)

    def test_a_photo_of_someone_who_refused_is_not_public(self):
        mid = self.member_id("Verónica")
        act = self.api("POST", "/api/activities", {
            "kind": "charla", "title": "Charla con fotos de personas",
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada",
            "plan_lines": [6], "public": True}).json()["id"]
        headers = dict(MP)
        headers["Authorization"] = "Bearer " + self.admin_token
        r = self.client().post("/api/activities/%d/evidence" % act, headers=headers,
                               body=multipart({"kind": "fotografias", "public": "1"},
                                              [("file", "grupo.png", "image/png",
                                                png_with_metadata())]))
        self.assertEqual(r.status, 201, r.text)
        item = r.json()["id"]
        self.assertEqual(self.client().get("/evidencias/%d" % item).status, 200)
        self.assertEqual(self.api("POST", "/api/evidence/%d/people" % item,
                                  {"members": [mid]}).status, 200)
        # Tagged, no refusal: still public.
        self.assertEqual(self.client().get("/evidencias/%d" % item).status, 200)
        r = self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "fotografias", "given": False, "method": "formulario"})
        self.assertEqual(r.status, 201)
        self.assertNotEqual(self.client().get("/evidencias/%d" % item).status, 200)
        page = self.client().get("/actividades/%d" % act).text
        self.assertNotIn("/evidencias/%d" % item, page)
        # The officer still has it.
        self.assertEqual(self.admin().get("/evidencias/%d" % item).status, 200)
        # Consent given later: public again; withdrawn: withheld again.
        cid = self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "fotografias", "given": True, "method": "correo"}).json()["id"]
        self.assertEqual(self.client().get("/evidencias/%d" % item).status, 200)
        self.api("POST", "/api/consents/%d/withdraw" % cid, {})
        self.assertNotEqual(self.client().get("/evidencias/%d" % item).status, 200)
        data = self.api("GET", "/api/members/%d/data" % mid).json()
        self.assertIn(item, [e["id"] for e in data["evidence"]])

    def plant(self):
        """The planted category, recorded for one member with consent."""
        # The officer adds the group on the personal-data page: data, not code.
        c = self.admin()
        token = c.csrf_from("/admin/privacidad")
        self.assertEqual(c.post("/admin/privacidad", form={
            "csrf_token": token, "accion": "grupo", "grupo_nombre": ""}).status, 422)
        self.assertEqual(c.post("/admin/privacidad", form={
            "csrf_token": token, "accion": "grupo", "grupo_nombre": PLANTED}).status, 303)
        gid = int(self.q("SELECT id FROM protection_groups WHERE label = ?", PLANTED))
        mid = self.member_id("Luis Alberto")
        r = self.api("POST", "/api/members/%d/sensitive" % mid, {"group_id": gid})
        self.assertEqual(r.status, 409, "no consent yet: refused")
        self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "datos_sensibles", "given": True, "method": "hoja_firmada",
            "evidence_id": int(self.q("SELECT min(id) FROM evidence_items"))})
        self.assertEqual(self.api("POST", "/api/members/%d/sensitive" % mid,
                                  {"group_id": gid}).status, 200)
        # The groups of a mesa are the activity's, not a person's.
        aid = int(self.q("SELECT min(id) FROM activities"))
        self.assertEqual(self.api("POST", "/api/activities/%d/groups" % aid,
                                  {"groups": [1, 3]}).status, 200)
        return mid, gid

    def test_a_sensitive_category_never_reaches_councillors_authorities_or_the_public(self):
        mid, gid = self.plant()
        # The officer sees it on the person's page, and only as an aggregate
        # elsewhere.
        admin = self.admin()
        self.assertIn(PLANTED, admin.get("/admin/integrantes/%d/datos" % mid).text)
        agg = admin.get("/admin/privacidad").text
        row = re.search(re.escape(PLANTED) + r"</td><td>([^<]*)<", agg)
        self.assertEqual(row.group(1), "menos de 5")
        self.assertIn(PLANTED, self.api("GET", "/api/members/%d/data" % mid).text)
        # The walk.
        ids = {"member": mid,
               "activity": int(self.q("SELECT min(activity_id) FROM attendance")),
               "evidence": int(self.q("SELECT min(id) FROM evidence_items"))}
        member = self.client()
        member.login("consejera.walk@example.cl", "clave-de-prueba-1")
        authority = self.client()
        authority.login("autoridad.walk@example.cl", "clave-de-prueba-1")
        visitor = self.client()
        walked = 0
        for pattern, roles in get_routes():
            if roles == "NONE" or pattern.startswith("/static/"):
                continue
            for value in (str(mid), str(ids["activity"]), str(ids["evidence"]), "1"):
                path = pattern.replace(":", value)
                for who, c in (("consejero", member), ("autoridad", authority),
                               ("visitante", visitor)):
                    r = c.get(path)
                    walked += 1
                    self.assertNotIn(PLANTED, r.text, "%s ve la categoría en %s" % (who, path))
                    self.assertNotIn(PLANTED.encode(), r.body)
                if ":" not in pattern:
                    break
        self.assertGreater(walked, 150)
        # Withdrawing the consent removes the category.
        cid = int(self.q("SELECT max(id) FROM consents WHERE purpose = 'datos_sensibles' "
                         "AND person_id = ?", mid))
        self.api("POST", "/api/consents/%d/withdraw" % cid, {})
        self.assertEqual(self.q("SELECT count(*) FROM sensitive_data WHERE person_id = ?",
                                mid), "0")
        page = admin.get("/admin/integrantes/%d/datos" % mid).text
        held = re.search(r"<h2>Datos sensibles</h2>.*?<ul>(.*?)</ul>", page, re.S).group(1)
        self.assertEqual(held, "")


if __name__ == "__main__":
    unittest.main()
