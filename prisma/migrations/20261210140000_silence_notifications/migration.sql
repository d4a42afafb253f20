-- The silence procedure (issue 21, part 5) tells delegations and facilitators what happened to it.
ALTER TYPE "NotificationKind" ADD VALUE 'silence_started';
ALTER TYPE "NotificationKind" ADD VALUE 'silence_broken';
ALTER TYPE "NotificationKind" ADD VALUE 'adopted_under_silence';
