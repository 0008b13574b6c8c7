-- Purchase settlements ("liquidaciones de compra") for the purchase ledger (Ley 32434; docs/decisions/
-- 0031-purchase-ledger.md). Closing a fortnight's settlement gives each of its small producers with a positive
-- gross one number of the organisation's series, without gaps, dated the closing day in Lima. The producer's
-- DNI or RUC, name and gross are kept as they were on that day: the document does not change afterwards.

-- The last number each organisation issued in each series: one row, locked by the closing that takes numbers,
-- so two closings at once cannot take the same number and a rolled-back closing leaves no gap.
create table purchase_settlement_series (
    organisation_id  uuid       not null,
    series           varchar(4) not null,
    last_number      int        not null check (last_number between 1 and 99999999),
    primary key (organisation_id, series)
);

create table purchase_settlement (
    organisation_id  uuid           not null,
    series           varchar(4)     not null,
    number           int            not null check (number between 1 and 99999999),
    settlement_id    uuid           not null references settlement (id),
    producer_id      uuid           not null,
    national_id      varchar(11)    not null,
    producer_name    text           not null,
    issued_on        date           not null,
    gross            numeric(18, 2) not null check (gross > 0),
    primary key (organisation_id, series, number),
    constraint purchase_settlement_once unique (settlement_id, producer_id),
    foreign key (settlement_id, producer_id) references settlement_producer (settlement_id, producer_id)
);

-- Settlements closed before this change: numbered here in the order they were closed (then by producer name, as
-- statements are printed), each dated the day it was closed in Lima. The small-producer rule is SmallProducer's
-- (a DNI, or a RUC of a natural person: 10, 15 or 17), as of this migration.
insert into purchase_settlement (organisation_id, series, number, settlement_id, producer_id, national_id,
    producer_name, issued_on, gross)
select s.organisation_id, 'E001',
       row_number() over (partition by s.organisation_id
                          order by s.closed_at, s.period_start, r.name, p.producer_id),
       s.id, p.producer_id, r.national_id, r.name, cast(s.closed_at at time zone 'America/Lima' as date), p.gross
from settlement s
join settlement_producer p on p.settlement_id = s.id
join producer_ref r on r.id = p.producer_id
where s.status = 'CLOSED' and p.gross > 0
  and (r.national_id ~ '^[0-9]{8}$' or r.national_id ~ '^(10|15|17)[0-9]{9}$');

insert into purchase_settlement_series (organisation_id, series, last_number)
select organisation_id, series, max(number) from purchase_settlement group by organisation_id, series;

-- A purchase settlement is issued for a closed settlement only, and never changes nor goes away.
create function purchase_settlement_issued_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if not exists (select 1 from settlement s where s.id = new.settlement_id and s.status = 'CLOSED') then
            raise restrict_violation using message = 'settlement ' || new.settlement_id
                || ' is not closed: no purchase settlement is issued for it';
        end if;
        return new;
    end if;
    raise restrict_violation using message = 'purchase settlement ' || old.series || '-' || old.number
        || ' was issued and never changes';
end
$$;
create trigger purchase_settlement_issued_once before insert or update or delete on purchase_settlement
    for each row execute function purchase_settlement_issued_once();
