-- Lot events keep no inbox row any more (docs/decisions/0033-fewer-writes-per-lot.md): applying one again
-- changes nothing, and inbox_position (platform, R__inbox_position.sql, created after the versioned
-- migrations) records how far they are applied from now on. The rows they left are dead weight in the
-- inbox's two indexes, so those of lot events applied go; until the next lot event, a rebuild and the
-- catch-up status know where the consumer is from its committed offsets. Dead-lettered ones stay: a re-drive
-- and a rebuild look them up.
delete from inbox_event where status = 'PROCESSED' and event_type in ('LotRecorded', 'LotCorrected', 'LotVoided');
