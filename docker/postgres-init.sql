-- Each service owns its database (design.md): one PostgreSQL server, three databases.
create database contracts;
create database lots;
create database payments;
