-- People and places: Chile's territory, the organizations that make up the
-- council, its councillors (with their terms and status), single-use
-- account invitations, and the directory of authorities and services the
-- council wants to meet (the plan's "catastro").
-- Dates chosen by people are TEXT 'YYYY-MM-DD'; times are BIGINT epoch
-- seconds; booleans are INTEGER 0/1. RUT/RUN are stored normalized
-- ("12345678-5", see src/domain/rut.h).

CREATE TABLE territory_regions (
  code TEXT PRIMARY KEY,           -- "04"
  name TEXT NOT NULL,              -- "Coquimbo"
  sort_order INTEGER NOT NULL      -- 1 = northernmost
);

CREATE TABLE territory_provinces (
  code TEXT PRIMARY KEY,           -- "041"
  region_code TEXT NOT NULL REFERENCES territory_regions(code),
  name TEXT NOT NULL
);
CREATE INDEX territory_provinces_region ON territory_provinces(region_code);

CREATE TABLE territory_communes (
  code TEXT PRIMARY KEY,           -- "04101"
  province_code TEXT NOT NULL REFERENCES territory_provinces(code),
  name TEXT NOT NULL
);
CREATE INDEX territory_communes_province ON territory_communes(province_code);

-- How long a councillor's term lasts differs between services.
ALTER TABLE councils ADD COLUMN term_years INTEGER NOT NULL DEFAULT 4;

CREATE TABLE organizations (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('junta_vecinos', 'comite_vivienda',
    'comite_allegados', 'cooperativa', 'union_comunal', 'ong', 'fundacion',
    'corporacion', 'otra')),
  rut TEXT,                        -- normalized, NULL when unknown
  legal_number TEXT NOT NULL DEFAULT '', -- personalidad jurídica N°
  commune_code TEXT NOT NULL REFERENCES territory_communes(code),
  contact_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  is_member INTEGER NOT NULL DEFAULT 1, -- a member organization of the council
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (council_id, rut)
);
CREATE INDEX organizations_commune ON organizations(commune_code);

CREATE TABLE members (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  first_names TEXT NOT NULL,
  last_names TEXT NOT NULL,
  run TEXT NOT NULL,               -- normalized RUN; never shown publicly
  email TEXT NOT NULL DEFAULT '',  -- lower-case; never shown publicly
  phone TEXT NOT NULL DEFAULT '',  -- never shown publicly
  commune_code TEXT NOT NULL REFERENCES territory_communes(code),
  gender TEXT NOT NULL DEFAULT 'no_informa' CHECK (gender IN ('femenino',
    'masculino', 'otro', 'no_informa')),
  organization_id BIGINT REFERENCES organizations(id),
  council_role TEXT NOT NULL DEFAULT 'consejero' CHECK (council_role IN
    ('presidente', 'vicepresidente', 'secretario', 'consejero')),
  titular INTEGER NOT NULL DEFAULT 1,
  substitute_for BIGINT REFERENCES members(id), -- the titular a suplente covers
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'vigente' CHECK (status IN ('vigente',
    'renuncio', 'reemplazado', 'cesado')),
  status_date TEXT,
  status_reason TEXT NOT NULL DEFAULT '',
  user_id BIGINT REFERENCES users(id), -- the councillor's account, once made
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (council_id, run)
);
CREATE INDEX members_commune ON members(commune_code);
CREATE INDEX members_organization ON members(organization_id);

-- A single-use link for a councillor to create an account. Only the hash
-- of the token is kept.
CREATE TABLE member_invitations (
  id @PK@,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX member_invitations_member ON member_invitations(member_id);

CREATE TABLE directory_entries (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  person_name TEXT NOT NULL DEFAULT '', -- empty when the entry is a service
  position TEXT NOT NULL DEFAULT '',
  institution TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('seremi', 'serviu',
    'delegacion_presidencial', 'gobierno_regional', 'municipio',
    'parlamentario', 'servicio_publico', 'otro')),
  province_code TEXT REFERENCES territory_provinces(code),
  commune_code TEXT REFERENCES territory_communes(code),
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',  -- why the council wants to meet them
  status TEXT NOT NULL DEFAULT 'por_contactar' CHECK (status IN
    ('por_contactar', 'contactado', 'reunion_agendada', 'reunion_realizada')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- Chile's territorial division (División Político-Administrativa, CUT codes
-- in force since Ñuble became region 16 in 2018): 16 regions, 56 provinces,
-- 346 communes. Codes are TEXT so that leading zeros survive ("04101").
-- Regions are ordered north to south by `sort_order`.

INSERT INTO territory_regions(code, name, sort_order) VALUES
  ('15', 'Arica y Parinacota', 1),
  ('01', 'Tarapacá', 2),
  ('02', 'Antofagasta', 3),
  ('03', 'Atacama', 4),
  ('04', 'Coquimbo', 5),
  ('05', 'Valparaíso', 6),
  ('13', 'Metropolitana de Santiago', 7),
  ('06', 'Libertador General Bernardo O''Higgins', 8),
  ('07', 'Maule', 9),
  ('16', 'Ñuble', 10),
  ('08', 'Biobío', 11),
  ('09', 'La Araucanía', 12),
  ('14', 'Los Ríos', 13),
  ('10', 'Los Lagos', 14),
  ('11', 'Aysén del General Carlos Ibáñez del Campo', 15),
  ('12', 'Magallanes y de la Antártica Chilena', 16);

INSERT INTO territory_provinces(code, region_code, name) VALUES
  ('151', '15', 'Arica'),
  ('152', '15', 'Parinacota'),
  ('011', '01', 'Iquique'),
  ('014', '01', 'Tamarugal'),
  ('021', '02', 'Antofagasta'),
  ('022', '02', 'El Loa'),
  ('023', '02', 'Tocopilla'),
  ('031', '03', 'Copiapó'),
  ('032', '03', 'Chañaral'),
  ('033', '03', 'Huasco'),
  ('041', '04', 'Elqui'),
  ('042', '04', 'Choapa'),
  ('043', '04', 'Limarí'),
  ('051', '05', 'Valparaíso'),
  ('052', '05', 'Isla de Pascua'),
  ('053', '05', 'Los Andes'),
  ('054', '05', 'Petorca'),
  ('055', '05', 'Quillota'),
  ('056', '05', 'San Antonio'),
  ('057', '05', 'San Felipe de Aconcagua'),
  ('058', '05', 'Marga Marga'),
  ('131', '13', 'Santiago'),
  ('132', '13', 'Cordillera'),
  ('133', '13', 'Chacabuco'),
  ('134', '13', 'Maipo'),
  ('135', '13', 'Melipilla'),
  ('136', '13', 'Talagante'),
  ('061', '06', 'Cachapoal'),
  ('062', '06', 'Cardenal Caro'),
  ('063', '06', 'Colchagua'),
  ('071', '07', 'Talca'),
  ('072', '07', 'Cauquenes'),
  ('073', '07', 'Curicó'),
  ('074', '07', 'Linares'),
  ('161', '16', 'Diguillín'),
  ('162', '16', 'Itata'),
  ('163', '16', 'Punilla'),
  ('081', '08', 'Concepción'),
  ('082', '08', 'Arauco'),
  ('083', '08', 'Biobío'),
  ('091', '09', 'Cautín'),
  ('092', '09', 'Malleco'),
  ('141', '14', 'Valdivia'),
  ('142', '14', 'Ranco'),
  ('101', '10', 'Llanquihue'),
  ('102', '10', 'Chiloé'),
  ('103', '10', 'Osorno'),
  ('104', '10', 'Palena'),
  ('111', '11', 'Coyhaique'),
  ('112', '11', 'Aysén'),
  ('113', '11', 'Capitán Prat'),
  ('114', '11', 'General Carrera'),
  ('121', '12', 'Magallanes'),
  ('122', '12', 'Antártica Chilena'),
  ('123', '12', 'Tierra del Fuego'),
  ('124', '12', 'Última Esperanza');

-- Arica y Parinacota
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('15101', '151', 'Arica'),
  ('15102', '151', 'Camarones'),
  ('15201', '152', 'Putre'),
  ('15202', '152', 'General Lagos');

-- Tarapacá
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('01101', '011', 'Iquique'),
  ('01107', '011', 'Alto Hospicio'),
  ('01401', '014', 'Pozo Almonte'),
  ('01402', '014', 'Camiña'),
  ('01403', '014', 'Colchane'),
  ('01404', '014', 'Huara'),
  ('01405', '014', 'Pica');

-- Antofagasta
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('02101', '021', 'Antofagasta'),
  ('02102', '021', 'Mejillones'),
  ('02103', '021', 'Sierra Gorda'),
  ('02104', '021', 'Taltal'),
  ('02201', '022', 'Calama'),
  ('02202', '022', 'Ollagüe'),
  ('02203', '022', 'San Pedro de Atacama'),
  ('02301', '023', 'Tocopilla'),
  ('02302', '023', 'María Elena');

-- Atacama
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('03101', '031', 'Copiapó'),
  ('03102', '031', 'Caldera'),
  ('03103', '031', 'Tierra Amarilla'),
  ('03201', '032', 'Chañaral'),
  ('03202', '032', 'Diego de Almagro'),
  ('03301', '033', 'Vallenar'),
  ('03302', '033', 'Alto del Carmen'),
  ('03303', '033', 'Freirina'),
  ('03304', '033', 'Huasco');

-- Coquimbo
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('04101', '041', 'La Serena'),
  ('04102', '041', 'Coquimbo'),
  ('04103', '041', 'Andacollo'),
  ('04104', '041', 'La Higuera'),
  ('04105', '041', 'Paiguano'),
  ('04106', '041', 'Vicuña'),
  ('04201', '042', 'Illapel'),
  ('04202', '042', 'Canela'),
  ('04203', '042', 'Los Vilos'),
  ('04204', '042', 'Salamanca'),
  ('04301', '043', 'Ovalle'),
  ('04302', '043', 'Combarbalá'),
  ('04303', '043', 'Monte Patria'),
  ('04304', '043', 'Punitaqui'),
  ('04305', '043', 'Río Hurtado');

-- Valparaíso
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('05101', '051', 'Valparaíso'),
  ('05102', '051', 'Casablanca'),
  ('05103', '051', 'Concón'),
  ('05104', '051', 'Juan Fernández'),
  ('05105', '051', 'Puchuncaví'),
  ('05107', '051', 'Quintero'),
  ('05109', '051', 'Viña del Mar'),
  ('05201', '052', 'Isla de Pascua'),
  ('05301', '053', 'Los Andes'),
  ('05302', '053', 'Calle Larga'),
  ('05303', '053', 'Rinconada'),
  ('05304', '053', 'San Esteban'),
  ('05401', '054', 'La Ligua'),
  ('05402', '054', 'Cabildo'),
  ('05403', '054', 'Papudo'),
  ('05404', '054', 'Petorca'),
  ('05405', '054', 'Zapallar'),
  ('05501', '055', 'Quillota'),
  ('05502', '055', 'La Calera'),
  ('05503', '055', 'Hijuelas'),
  ('05504', '055', 'La Cruz'),
  ('05506', '055', 'Nogales'),
  ('05601', '056', 'San Antonio'),
  ('05602', '056', 'Algarrobo'),
  ('05603', '056', 'Cartagena'),
  ('05604', '056', 'El Quisco'),
  ('05605', '056', 'El Tabo'),
  ('05606', '056', 'Santo Domingo'),
  ('05701', '057', 'San Felipe'),
  ('05702', '057', 'Catemu'),
  ('05703', '057', 'Llaillay'),
  ('05704', '057', 'Panquehue'),
  ('05705', '057', 'Putaendo'),
  ('05706', '057', 'Santa María'),
  ('05801', '058', 'Quilpué'),
  ('05802', '058', 'Limache'),
  ('05803', '058', 'Olmué'),
  ('05804', '058', 'Villa Alemana');

-- Metropolitana de Santiago
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('13101', '131', 'Santiago'),
  ('13102', '131', 'Cerrillos'),
  ('13103', '131', 'Cerro Navia'),
  ('13104', '131', 'Conchalí'),
  ('13105', '131', 'El Bosque'),
  ('13106', '131', 'Estación Central'),
  ('13107', '131', 'Huechuraba'),
  ('13108', '131', 'Independencia'),
  ('13109', '131', 'La Cisterna'),
  ('13110', '131', 'La Florida'),
  ('13111', '131', 'La Granja'),
  ('13112', '131', 'La Pintana'),
  ('13113', '131', 'La Reina'),
  ('13114', '131', 'Las Condes'),
  ('13115', '131', 'Lo Barnechea'),
  ('13116', '131', 'Lo Espejo'),
  ('13117', '131', 'Lo Prado'),
  ('13118', '131', 'Macul'),
  ('13119', '131', 'Maipú'),
  ('13120', '131', 'Ñuñoa'),
  ('13121', '131', 'Pedro Aguirre Cerda'),
  ('13122', '131', 'Peñalolén'),
  ('13123', '131', 'Providencia'),
  ('13124', '131', 'Pudahuel'),
  ('13125', '131', 'Quilicura'),
  ('13126', '131', 'Quinta Normal'),
  ('13127', '131', 'Recoleta'),
  ('13128', '131', 'Renca'),
  ('13129', '131', 'San Joaquín'),
  ('13130', '131', 'San Miguel'),
  ('13131', '131', 'San Ramón'),
  ('13132', '131', 'Vitacura'),
  ('13201', '132', 'Puente Alto'),
  ('13202', '132', 'Pirque'),
  ('13203', '132', 'San José de Maipo'),
  ('13301', '133', 'Colina'),
  ('13302', '133', 'Lampa'),
  ('13303', '133', 'Tiltil'),
  ('13401', '134', 'San Bernardo'),
  ('13402', '134', 'Buin'),
  ('13403', '134', 'Calera de Tango'),
  ('13404', '134', 'Paine'),
  ('13501', '135', 'Melipilla'),
  ('13502', '135', 'Alhué'),
  ('13503', '135', 'Curacaví'),
  ('13504', '135', 'María Pinto'),
  ('13505', '135', 'San Pedro'),
  ('13601', '136', 'Talagante'),
  ('13602', '136', 'El Monte'),
  ('13603', '136', 'Isla de Maipo'),
  ('13604', '136', 'Padre Hurtado'),
  ('13605', '136', 'Peñaflor');

-- Libertador General Bernardo O'Higgins
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('06101', '061', 'Rancagua'),
  ('06102', '061', 'Codegua'),
  ('06103', '061', 'Coinco'),
  ('06104', '061', 'Coltauco'),
  ('06105', '061', 'Doñihue'),
  ('06106', '061', 'Graneros'),
  ('06107', '061', 'Las Cabras'),
  ('06108', '061', 'Machalí'),
  ('06109', '061', 'Malloa'),
  ('06110', '061', 'Mostazal'),
  ('06111', '061', 'Olivar'),
  ('06112', '061', 'Peumo'),
  ('06113', '061', 'Pichidegua'),
  ('06114', '061', 'Quinta de Tilcoco'),
  ('06115', '061', 'Rengo'),
  ('06116', '061', 'Requínoa'),
  ('06117', '061', 'San Vicente'),
  ('06201', '062', 'Pichilemu'),
  ('06202', '062', 'La Estrella'),
  ('06203', '062', 'Litueche'),
  ('06204', '062', 'Marchihue'),
  ('06205', '062', 'Navidad'),
  ('06206', '062', 'Paredones'),
  ('06301', '063', 'San Fernando'),
  ('06302', '063', 'Chépica'),
  ('06303', '063', 'Chimbarongo'),
  ('06304', '063', 'Lolol'),
  ('06305', '063', 'Nancagua'),
  ('06306', '063', 'Palmilla'),
  ('06307', '063', 'Peralillo'),
  ('06308', '063', 'Placilla'),
  ('06309', '063', 'Pumanque'),
  ('06310', '063', 'Santa Cruz');

-- Maule
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('07101', '071', 'Talca'),
  ('07102', '071', 'Constitución'),
  ('07103', '071', 'Curepto'),
  ('07104', '071', 'Empedrado'),
  ('07105', '071', 'Maule'),
  ('07106', '071', 'Pelarco'),
  ('07107', '071', 'Pencahue'),
  ('07108', '071', 'Río Claro'),
  ('07109', '071', 'San Clemente'),
  ('07110', '071', 'San Rafael'),
  ('07201', '072', 'Cauquenes'),
  ('07202', '072', 'Chanco'),
  ('07203', '072', 'Pelluhue'),
  ('07301', '073', 'Curicó'),
  ('07302', '073', 'Hualañé'),
  ('07303', '073', 'Licantén'),
  ('07304', '073', 'Molina'),
  ('07305', '073', 'Rauco'),
  ('07306', '073', 'Romeral'),
  ('07307', '073', 'Sagrada Familia'),
  ('07308', '073', 'Teno'),
  ('07309', '073', 'Vichuquén'),
  ('07401', '074', 'Linares'),
  ('07402', '074', 'Colbún'),
  ('07403', '074', 'Longaví'),
  ('07404', '074', 'Parral'),
  ('07405', '074', 'Retiro'),
  ('07406', '074', 'San Javier'),
  ('07407', '074', 'Villa Alegre'),
  ('07408', '074', 'Yerbas Buenas');

-- Ñuble
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('16101', '161', 'Chillán'),
  ('16102', '161', 'Bulnes'),
  ('16103', '161', 'Chillán Viejo'),
  ('16104', '161', 'El Carmen'),
  ('16105', '161', 'Pemuco'),
  ('16106', '161', 'Pinto'),
  ('16107', '161', 'Quillón'),
  ('16108', '161', 'San Ignacio'),
  ('16109', '161', 'Yungay'),
  ('16201', '162', 'Quirihue'),
  ('16202', '162', 'Cobquecura'),
  ('16203', '162', 'Coelemu'),
  ('16204', '162', 'Ninhue'),
  ('16205', '162', 'Portezuelo'),
  ('16206', '162', 'Ránquil'),
  ('16207', '162', 'Treguaco'),
  ('16301', '163', 'San Carlos'),
  ('16302', '163', 'Coihueco'),
  ('16303', '163', 'Ñiquén'),
  ('16304', '163', 'San Fabián'),
  ('16305', '163', 'San Nicolás');

-- Biobío
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('08101', '081', 'Concepción'),
  ('08102', '081', 'Coronel'),
  ('08103', '081', 'Chiguayante'),
  ('08104', '081', 'Florida'),
  ('08105', '081', 'Hualqui'),
  ('08106', '081', 'Lota'),
  ('08107', '081', 'Penco'),
  ('08108', '081', 'San Pedro de la Paz'),
  ('08109', '081', 'Santa Juana'),
  ('08110', '081', 'Talcahuano'),
  ('08111', '081', 'Tomé'),
  ('08112', '081', 'Hualpén'),
  ('08201', '082', 'Lebu'),
  ('08202', '082', 'Arauco'),
  ('08203', '082', 'Cañete'),
  ('08204', '082', 'Contulmo'),
  ('08205', '082', 'Curanilahue'),
  ('08206', '082', 'Los Álamos'),
  ('08207', '082', 'Tirúa'),
  ('08301', '083', 'Los Ángeles'),
  ('08302', '083', 'Antuco'),
  ('08303', '083', 'Cabrero'),
  ('08304', '083', 'Laja'),
  ('08305', '083', 'Mulchén'),
  ('08306', '083', 'Nacimiento'),
  ('08307', '083', 'Negrete'),
  ('08308', '083', 'Quilaco'),
  ('08309', '083', 'Quilleco'),
  ('08310', '083', 'San Rosendo'),
  ('08311', '083', 'Santa Bárbara'),
  ('08312', '083', 'Tucapel'),
  ('08313', '083', 'Yumbel'),
  ('08314', '083', 'Alto Biobío');

-- La Araucanía
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('09101', '091', 'Temuco'),
  ('09102', '091', 'Carahue'),
  ('09103', '091', 'Cunco'),
  ('09104', '091', 'Curarrehue'),
  ('09105', '091', 'Freire'),
  ('09106', '091', 'Galvarino'),
  ('09107', '091', 'Gorbea'),
  ('09108', '091', 'Lautaro'),
  ('09109', '091', 'Loncoche'),
  ('09110', '091', 'Melipeuco'),
  ('09111', '091', 'Nueva Imperial'),
  ('09112', '091', 'Padre Las Casas'),
  ('09113', '091', 'Perquenco'),
  ('09114', '091', 'Pitrufquén'),
  ('09115', '091', 'Pucón'),
  ('09116', '091', 'Saavedra'),
  ('09117', '091', 'Teodoro Schmidt'),
  ('09118', '091', 'Toltén'),
  ('09119', '091', 'Vilcún'),
  ('09120', '091', 'Villarrica'),
  ('09121', '091', 'Cholchol'),
  ('09201', '092', 'Angol'),
  ('09202', '092', 'Collipulli'),
  ('09203', '092', 'Curacautín'),
  ('09204', '092', 'Ercilla'),
  ('09205', '092', 'Lonquimay'),
  ('09206', '092', 'Los Sauces'),
  ('09207', '092', 'Lumaco'),
  ('09208', '092', 'Purén'),
  ('09209', '092', 'Renaico'),
  ('09210', '092', 'Traiguén'),
  ('09211', '092', 'Victoria');

-- Los Ríos
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('14101', '141', 'Valdivia'),
  ('14102', '141', 'Corral'),
  ('14103', '141', 'Lanco'),
  ('14104', '141', 'Los Lagos'),
  ('14105', '141', 'Máfil'),
  ('14106', '141', 'Mariquina'),
  ('14107', '141', 'Paillaco'),
  ('14108', '141', 'Panguipulli'),
  ('14201', '142', 'La Unión'),
  ('14202', '142', 'Futrono'),
  ('14203', '142', 'Lago Ranco'),
  ('14204', '142', 'Río Bueno');

-- Los Lagos
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('10101', '101', 'Puerto Montt'),
  ('10102', '101', 'Calbuco'),
  ('10103', '101', 'Cochamó'),
  ('10104', '101', 'Fresia'),
  ('10105', '101', 'Frutillar'),
  ('10106', '101', 'Los Muermos'),
  ('10107', '101', 'Llanquihue'),
  ('10108', '101', 'Maullín'),
  ('10109', '101', 'Puerto Varas'),
  ('10201', '102', 'Castro'),
  ('10202', '102', 'Ancud'),
  ('10203', '102', 'Chonchi'),
  ('10204', '102', 'Curaco de Vélez'),
  ('10205', '102', 'Dalcahue'),
  ('10206', '102', 'Puqueldón'),
  ('10207', '102', 'Queilén'),
  ('10208', '102', 'Quellón'),
  ('10209', '102', 'Quemchi'),
  ('10210', '102', 'Quinchao'),
  ('10301', '103', 'Osorno'),
  ('10302', '103', 'Puerto Octay'),
  ('10303', '103', 'Purranque'),
  ('10304', '103', 'Puyehue'),
  ('10305', '103', 'Río Negro'),
  ('10306', '103', 'San Juan de la Costa'),
  ('10307', '103', 'San Pablo'),
  ('10401', '104', 'Chaitén'),
  ('10402', '104', 'Futaleufú'),
  ('10403', '104', 'Hualaihué'),
  ('10404', '104', 'Palena');

-- Aysén del General Carlos Ibáñez del Campo
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('11101', '111', 'Coyhaique'),
  ('11102', '111', 'Lago Verde'),
  ('11201', '112', 'Aysén'),
  ('11202', '112', 'Cisnes'),
  ('11203', '112', 'Guaitecas'),
  ('11301', '113', 'Cochrane'),
  ('11302', '113', 'O''Higgins'),
  ('11303', '113', 'Tortel'),
  ('11401', '114', 'Chile Chico'),
  ('11402', '114', 'Río Ibáñez');

-- Magallanes y de la Antártica Chilena
INSERT INTO territory_communes(code, province_code, name) VALUES
  ('12101', '121', 'Punta Arenas'),
  ('12102', '121', 'Laguna Blanca'),
  ('12103', '121', 'Río Verde'),
  ('12104', '121', 'San Gregorio'),
  ('12201', '122', 'Cabo de Hornos'),
  ('12202', '122', 'Antártica'),
  ('12301', '123', 'Porvenir'),
  ('12302', '123', 'Primavera'),
  ('12303', '123', 'Timaukel'),
  ('12401', '124', 'Natales'),
  ('12402', '124', 'Torres del Paine');
