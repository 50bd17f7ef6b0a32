-- Accounts store of the core (ADR 0005). Portable SQL: the same file migrates H2 and PostgreSQL.
-- The application is the only writer and checks the formats (UserName, PhoneNumber) before writing;
-- the constraints here guard what must hold even under concurrent writers.

-- One row per IM account. The login is the key everywhere (inbox sluice.inbox.<login>, the STOMP
-- login, buddy lists) and never changes. A phone-only user has no row: they are their number.
CREATE TABLE users (
    login         VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(64),
    -- the account's own handset (E.164, at most '+' and 15 digits); one account per number
    phone         VARCHAR(16),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (login),
    CONSTRAINT users_phone_unique UNIQUE (phone)
);

-- Buddy lists. Each side is a *party*: an account's login, or the E.164 number of a phone-only user.
-- The two never collide (a login starts with a letter, a number with '+'). A number linked to an
-- account is stored as that account's login.
CREATE TABLE buddies (
    owner      VARCHAR(32) NOT NULL,
    buddy      VARCHAR(32) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT buddies_pk PRIMARY KEY (owner, buddy),
    CONSTRAINT buddies_not_self CHECK (owner <> buddy)
);

-- "Who has me as a buddy": presence changes are announced to these parties.
CREATE INDEX buddies_by_buddy ON buddies (buddy);
