-- Incentive and sanction rules joined the clauses (docs/decisions/0027-compliance-monitor.md): versions
-- stored before say they have none, as every default is written out in stored versions and events.
update agreement_version set clauses = jsonb_set(clauses, '{incentives}', '{"rules": []}')
where clauses -> 'incentives' is null;
