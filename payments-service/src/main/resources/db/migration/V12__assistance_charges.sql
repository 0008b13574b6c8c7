-- Technical visits and trainings an agreement charges to the producer become charges of their own kind
-- (veterinary service and insemination already have one). Such charges come from contracts-service's
-- AssistanceDelivered events, with ids derived from the delivery and the producer.
alter table charge drop constraint charge_kind_check;
alter table charge add constraint charge_kind_check
    check (kind in ('FEED', 'VETERINARY', 'INSEMINATION', 'ADVANCE', 'TECHNICAL_ASSISTANCE'));
