-- Every table of this service stores text as utf8mb4 (four-byte and rare characters in names).
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
