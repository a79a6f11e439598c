"""
Who may GET and who may POST is the route table's (src/pages/routes.c, one
role column per method), enforced by the server before any handler runs.
The routes whose officer-only POST used to be checked inside the handler
answer each role as before: a councillor may read (200) and is refused a
POST (403, nothing written), a visitor is asked to sign in (401), the
officer gets past the check.
"""
import unittest

from support import ServerTestCase, query_one


class RouteRoles(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = cls.add_user("consejera.roles@example.cl", "Consejera Roles",
                                    "consejero")
        cls.member_token = cls.token_for("consejera.roles@example.cl")

    def member(self):
        c = self.client()
        c.login("consejera.roles@example.cl", self.password)
        return c

    def first(self, table):
        return int(query_one(self.demo.path, "SELECT min(id) FROM %s" % table))

    def count(self, table):
        return int(query_one(self.demo.path, "SELECT count(*) FROM %s" % table))

    def test_the_api_reads_for_councillors_and_writes_for_the_officer(self):
        aid, gid = self.first("activities"), self.first("agreements")
        cases = [("/api/activities", {"title": "x"}),
                 ("/api/activities/%d" % aid, {"title": "x"}),
                 ("/api/agreements", {"text": "x"}),
                 ("/api/agreements/%d" % gid, {"state": "en_curso"})]
        before = (self.count("activities"), self.count("agreements"),
                  self.count("agreement_log"))
        for path, body in cases:
            self.assertEqual(self.api("GET", path, token=self.member_token).status, 200, path)
            self.assertEqual(self.api("POST", path, body, token=self.member_token).status,
                             403, path)
            self.assertEqual(self.client().post(path, json_body=body).status, 401, path)
            self.assertNotIn(self.api("POST", path, {}).status, (401, 403), path)
        self.assertEqual((self.count("activities"), self.count("agreements"),
                          self.count("agreement_log")), before)

    def test_the_pages_show_councillors_and_take_posts_from_the_officer(self):
        gid = self.first("agreements")
        m = self.member()
        for path in ("/solicitudes", "/acuerdos/%d" % gid):
            self.assertEqual(m.get(path).status, 200, path)
            token = m.csrf_from(path)
            self.assertEqual(m.post(path, form={"csrf_token": token}).status, 403, path)
            self.assertEqual(self.client().post(path, form={"x": "1"}).status, 401, path)
            admin = self.admin()
            token = admin.csrf_from(path)
            self.assertNotIn(admin.post(path, form={"csrf_token": token}).status,
                             (401, 403), path)


if __name__ == "__main__":
    unittest.main()
