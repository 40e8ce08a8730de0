-- Write rights per element: a department writes what it is responsible for, or collects under a purpose of the
-- demand list. An e-licence states facts its issuer is not always responsible for (a hygiene licence names the
-- entity and its address, registered by market supervision): the issuer collects them under 电子证照签发.
-- (The purpose is also defined at start-up by the licenses module; defining it here first is idempotent.)
INSERT INTO catalog_purpose (code, name_zh, name_en) VALUES ('LICENSE_ISSUE', '电子证照签发', 'Issuing electronic licenses')
ON CONFLICT (code) DO NOTHING;

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT g.department_code, 'LICENSE_ISSUE', e.code, '《电子证照 总体技术架构》GB/T 36901:签发部门登记证照所载信息', FALSE
  FROM (VALUES
  ('310104-GA',   'person.name'), ('310104-GA', 'person.gender'), ('310104-GA', 'person.ethnicity'),
  ('310104-GA',   'person.birth_date'), ('310104-GA', 'person.household_address'), ('310104-GA', 'person.household_id'),
  ('310104-GA',   'person.relation_to_head'), ('310104-GA', 'person.driver_license_class'),
  ('310104-GA',   'person.driver_license_first_issue'),
  ('310104-MZ',   'person.marital_status'),
  ('310104-JT',   'person.name'), ('310104-JT', 'person.vehicle_plate'),
  ('310104-FG',   'house.address'), ('310104-FG', 'house.area'), ('310104-FG', 'house.use'), ('310104-FG', 'house.cert_no'),
  ('310104-FG',   'house.owner_citizen_id'), ('310104-FG', 'house.owner_name'),
  ('310104-SCJG', 'entity.name'), ('310104-SCJG', 'entity.type'), ('310104-SCJG', 'entity.legal_rep_name'),
  ('310104-SCJG', 'entity.address'), ('310104-SCJG', 'entity.business_scope'), ('310104-SCJG', 'entity.registered_capital'),
  ('310104-SCJG', 'entity.established_date'), ('310104-SCJG', 'entity.food_business_items'),
  ('310104-SCJG', 'entity.food_safety_officer'),
  ('310104-WJW',  'entity.name'), ('310104-WJW', 'entity.address'), ('310104-WJW', 'entity.premises_area'),
  ('310104-SW',   'entity.name'), ('310104-SW', 'entity.address'), ('310104-SW', 'entity.liquor_categories'),
  ('310104-GA',   'entity.name'), ('310104-GA', 'entity.address'), ('310104-GA', 'entity.hotel_rooms'),
  ('310104-GA',   'entity.hotel_beds')
  ) AS g(department_code, element_code)
  JOIN catalog_element e ON e.code = g.element_code
ON CONFLICT (department_code, purpose_code, element_code) DO NOTHING;
