-- A producer's consent to be told by text message (issue 17): off until the producer asks for it.
alter table producer add column notices_opt_in boolean not null default false;
alter table producer add column notice_channel text check (notice_channel in ('SMS', 'WHATSAPP'));
