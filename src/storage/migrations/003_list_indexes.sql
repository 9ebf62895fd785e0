-- Keyset pagination: every list reads "the next N rows after this key" in index order, with
-- the filters a list offers leading the index (ids break ties, so the order is total).
CREATE INDEX engagements_by_status ON engagements(status, id);
CREATE INDEX engagements_by_expert_id ON engagements(expert_id, id);
CREATE INDEX engagements_by_company_id ON engagements(company_id, id);
DROP INDEX engagements_by_expert;
DROP INDEX engagements_by_company;
CREATE INDEX companies_by_name ON companies(name, id);
CREATE INDEX users_by_role ON users(role, name, id);
CREATE INDEX users_by_name ON users(name, id);
CREATE INDEX audit_by_action ON audit_log(action, id);
CREATE INDEX audit_by_entity_kind ON audit_log(entity, id);
CREATE INDEX audit_by_entity_id ON audit_log(entity, entity_id, id);
CREATE INDEX audit_by_engagement_id ON audit_log(engagement_id, id);
DROP INDEX audit_by_entity;
DROP INDEX audit_by_engagement;
CREATE INDEX respondents_by_round_id ON respondents(round_id, id);
DROP INDEX respondents_by_round;
