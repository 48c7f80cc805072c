// TranscriptTesting: transcript parser, replayer, diff and JUnit writer (issue #5).
