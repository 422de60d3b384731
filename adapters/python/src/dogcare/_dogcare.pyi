"""
libdogcare bindings; use the `dogcare` package, which re-exports these.
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import typing
__all__: list[str] = ['AccessToken', 'Accounts', 'Analytics', 'AnalyticsQuery', 'AnalyticsReport', 'AppliedMigration', 'Calendar', 'CalendarDay', 'CalendarMonth', 'Catalog', 'CatalogItem', 'CatalogKind', 'DEFAULT_PAGE_SIZE', 'DailySeverity', 'Database', 'DefaultCatalogItem', 'Dialect', 'Dog', 'Dogs', 'Email', 'HighIntensityShare', 'ItemRef', 'MAX_PAGE_SIZE', 'MAX_SEVERITY', 'MIN_SEVERITY', 'MigrationReport', 'Observation', 'Observations', 'Period', 'PoolStats', 'Principal', 'ReactionCompanion', 'ReactionShare', 'SearchPage', 'SearchQuery', 'SeverityBand', 'SigningKeySource', 'SmtpMailer', 'Trend', 'TrendDirection', 'TriggerSeverityCount', 'User', 'band_for', 'load_signing_keys', 'read_secret_file']
class Dialect(enum.Enum):
    ORACLE = ...
    POSTGRESQL = ...
    SQLITE = ...
class CatalogKind(enum.Enum):
    REACTION = ...
    TRIGGER = ...
class SeverityBand(enum.Enum):
    GREEN = ...
    ORANGE = ...
    RED = ...
class Period(enum.Enum):
    ALL = ...
    CUSTOM = ...
    THIS_MONTH = ...
    THIS_WEEK = ...
    THIS_YEAR = ...
class TrendDirection(enum.Enum):
    IMPROVING = ...
    INSUFFICIENT_DATA = ...
    STABLE = ...
    WORSENING = ...
class AppliedMigration:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('version', 'name')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def version(self) -> int:
        ...
class MigrationReport:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('schema_version', 'latest_version', 'applied')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def applied(self) -> list[AppliedMigration]:
        ...
    @property
    def latest_version(self) -> int:
        ...
    @property
    def schema_version(self) -> int:
        ...
class PoolStats:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('in_use', 'idle', 'waiting', 'capacity')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def capacity(self) -> int:
        ...
    @property
    def idle(self) -> int:
        ...
    @property
    def in_use(self) -> int:
        ...
    @property
    def waiting(self) -> int:
        ...
class Database:
    """
    A connection pool to a dogcare database; share one per process.
    """
    @staticmethod
    def latest_schema_version() -> int:
        ...
    def __init__(self, connection: str = 'var/dogcare.db', *, connection_file: str = '', pool_size: typing.SupportsInt | typing.SupportsIndex = 8, borrow_timeout: typing.SupportsFloat | typing.SupportsIndex = 5.0, migrate: bool = True) -> None:
        """
        Opens a SQLite file (created if missing) or an ODBC connection string; migrates unless migrate=False. borrow_timeout is in seconds. connection_file: a file holding the connection string instead, re-read when it changes (rotated credentials, as Vault Agent renders them).
        """
    def close(self) -> None:
        ...
    def migrate(self) -> MigrationReport:
        ...
    def pool_stats(self) -> PoolStats:
        ...
    def ready(self) -> bool:
        ...
    def schema_version(self) -> int:
        ...
    @property
    def dialect(self) -> Dialect:
        ...
class Principal:
    """
    The authenticated user an operation runs for.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('user_id',)
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def user_id(self) -> str:
        ...
class User:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'username', 'email', 'onboarded', 'token_version', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def created_at(self) -> datetime.datetime:
        ...
    @property
    def email(self) -> str | None:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def onboarded(self) -> bool:
        ...
    @property
    def token_version(self) -> int:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        ...
    @property
    def username(self) -> str:
        ...
class AccessToken:
    def __repr__(self) -> str:
        ...
    @property
    def expires_in(self) -> float:
        ...
    @property
    def principal(self) -> Principal:
        ...
    @property
    def token(self) -> str:
        ...
class Email:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('to', 'subject', 'text')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, to: str, subject: str, text: str) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def subject(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def to(self) -> str:
        ...
class SmtpMailer:
    """
    Delivers password reset mail through SMTP.
    """
    def __init__(self, url: str = 'smtp://127.0.0.1:25', username: str = '', password: str = '', sender: str = 'dogcare <no-reply@dogcare.local>', require_tls: bool = True, ca_file: str = '', timeout: typing.SupportsFloat | typing.SupportsIndex = 10.0) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def send(self, email: Email) -> None:
        ...
class SigningKeySource:
    """
    The signing keys of a key file, re-read when the file changes (looked at every check_interval seconds at most, and at once on reload()): pass it to Accounts so that a rotated key signs and a retired key is refused without a restart.
    """
    def __init__(self, path: str, *, check_interval: typing.SupportsFloat | typing.SupportsIndex = 2.0) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def reload(self) -> None:
        """
        Reads the file now; raises ValidationError (the keys in effect stay) if unusable.
        """
    @property
    def generation(self) -> int:
        """
        1, then +1 for each key set taken into effect.
        """
    @property
    def kids(self) -> list[str]:
        """
        The key ids in effect, in file order; the first signs.
        """
    @property
    def last_error(self) -> str:
        """
        Why the last look at the file kept the old keys; empty if none.
        """
class Accounts:
    def __init__(self, database: Database, signing_keys: SigningKeySource | collections.abc.Sequence[tuple[str, str]], *, current_kid: str = '', mailer: typing.Any = None, token_ttl: typing.SupportsFloat | typing.SupportsIndex = 1800.0, issuer: str = 'dogcare', reset_link: str = 'http://localhost:8501/?reset_token=', reset_ttl: typing.SupportsFloat | typing.SupportsIndex = 1800.0, first_dog_name: str = 'Mon chien', hashing_memory_kib: typing.SupportsInt | typing.SupportsIndex = 19456, hashing_iterations: typing.SupportsInt | typing.SupportsIndex = 2, hashing_parallelism: typing.SupportsInt | typing.SupportsIndex = 1, throttle_free_failures: typing.SupportsInt | typing.SupportsIndex = 5, throttle_base_delay: typing.SupportsFloat | typing.SupportsIndex = 1.0, throttle_max_delay: typing.SupportsFloat | typing.SupportsIndex = 900.0) -> None:
        """
        signing_keys: a SigningKeySource (re-read on change), or fixed (kid, secret) pairs, secrets of 32+ bytes (see load_signing_keys); current_kid (pairs only) defaults to the first. mailer: SmtpMailer, a callable taking an Email, or None (resets unavailable). Durations in seconds.
        """
    def authenticate(self, token: str) -> Principal:
        ...
    def change_password(self, principal: Principal, current_password: str, new_password: str) -> None:
        ...
    def confirm_password_reset(self, token: str, new_password: str) -> None:
        ...
    def delete_account(self, principal: Principal) -> None:
        ...
    def login(self, username: str, password: str, client_key: str = '') -> AccessToken:
        ...
    def logout_everywhere(self, principal: Principal) -> None:
        ...
    def me(self, principal: Principal) -> User:
        ...
    def register(self, username: str, password: str, email: str | None = None, dog_name: str | None = None) -> User:
        """
        Creates the account and its first dog.
        """
    def request_password_reset(self, email: str) -> None:
        ...
    def update_profile(self, principal: Principal, *, username: str | None = None, email: str | None = None) -> User:
        """
        None leaves a field as it is; email='' removes the email.
        """
class Dog:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'owner_id', 'name', 'breed', 'birth_date', 'notes', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def birth_date(self) -> datetime.date | None:
        ...
    @property
    def breed(self) -> str | None:
        ...
    @property
    def created_at(self) -> datetime.datetime:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def notes(self) -> str | None:
        ...
    @property
    def owner_id(self) -> str:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        ...
class Dogs:
    def __init__(self, database: Database) -> None:
        ...
    def create(self, principal: Principal, name: str, *, breed: str | None = None, birth_date: datetime.date | None = None, notes: str | None = None) -> Dog:
        ...
    def get(self, principal: Principal, id: str) -> Dog:
        ...
    def list(self, principal: Principal) -> list[Dog]:
        """
        In creation order.
        """
    def remove(self, principal: Principal, id: str) -> None:
        """
        Deletes the dog with its observations.
        """
    def update(self, principal: Principal, id: str, *, name: str | None = None, breed: str | None = None, birth_date: datetime.date | None = None, clear_birth_date: bool = False, notes: str | None = None) -> Dog:
        """
        None leaves a field as it is; '' clears an optional text.
        """
class CatalogItem:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'name', 'archived')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def archived(self) -> bool:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
class DefaultCatalogItem:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'kind', 'name', 'position')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def id(self) -> str:
        ...
    @property
    def kind(self) -> CatalogKind:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def position(self) -> int:
        ...
class Catalog:
    def __init__(self, database: Database) -> None:
        ...
    def create(self, principal: Principal, kind: CatalogKind, name: str) -> CatalogItem:
        ...
    def defaults(self, kind: CatalogKind) -> list[DefaultCatalogItem]:
        ...
    def get(self, principal: Principal, kind: CatalogKind, id: str) -> CatalogItem:
        ...
    def list(self, principal: Principal, kind: CatalogKind, include_archived: bool = False) -> list[CatalogItem]:
        ...
    def onboard(self, principal: Principal, *, default_trigger_ids: collections.abc.Sequence[str] = [], default_reaction_ids: collections.abc.Sequence[str] = [], dog_name: str | None = None) -> None:
        """
        Copies the chosen defaults, names the first dog, marks the user onboarded.
        """
    def remove(self, principal: Principal, kind: CatalogKind, id: str) -> None:
        """
        Deletes an unused item; archives one that observations use.
        """
    def rename(self, principal: Principal, kind: CatalogKind, id: str, name: str) -> CatalogItem:
        ...
class ItemRef:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'name')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def id(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
class Observation:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'owner_id', 'dog_id', 'date', 'severity', 'comment', 'triggers', 'reactions', 'distance_m', 'recovery_min', 'handler_action', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def comment(self) -> str:
        ...
    @property
    def created_at(self) -> datetime.datetime:
        ...
    @property
    def date(self) -> datetime.date:
        ...
    @property
    def distance_m(self) -> int | None:
        ...
    @property
    def dog_id(self) -> str:
        ...
    @property
    def handler_action(self) -> str | None:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def owner_id(self) -> str:
        ...
    @property
    def reactions(self) -> list[ItemRef]:
        ...
    @property
    def recovery_min(self) -> int | None:
        ...
    @property
    def severity(self) -> int:
        ...
    @property
    def triggers(self) -> list[ItemRef]:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        ...
class SearchQuery:
    """
    Filters of a search; every filter is optional.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('text', 'from_date', 'to_date', 'dog_id', 'triggers', 'reactions', 'severities', 'limit', 'cursor', 'with_total')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    cursor: str | None
    dog_id: str | None
    from_date: datetime.date | None
    text: str | None
    to_date: datetime.date | None
    with_total: bool
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, text: str | None = None, from_date: datetime.date | None = None, to_date: datetime.date | None = None, dog_id: str | None = None, triggers: collections.abc.Sequence[str] = [], reactions: collections.abc.Sequence[str] = [], severities: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None, with_total: bool = False) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def limit(self) -> int:
        ...
    @limit.setter
    def limit(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def reactions(self) -> list[str]:
        ...
    @reactions.setter
    def reactions(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def severities(self) -> list[int]:
        ...
    @severities.setter
    def severities(self, arg0: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def triggers(self) -> list[str]:
        ...
    @triggers.setter
    def triggers(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
class SearchPage:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('items', 'next_cursor', 'total')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def items(self) -> list[Observation]:
        ...
    @property
    def next_cursor(self) -> str | None:
        ...
    @property
    def total(self) -> int | None:
        ...
class Observations:
    def __init__(self, database: Database) -> None:
        ...
    def create(self, principal: Principal, *, date: datetime.date, severity: typing.SupportsInt | typing.SupportsIndex, comment: str = '', triggers: collections.abc.Sequence[str] = [], reactions: collections.abc.Sequence[str] = [], dog_id: str | None = None, distance_m: typing.SupportsInt | typing.SupportsIndex | None = None, recovery_min: typing.SupportsInt | typing.SupportsIndex | None = None, handler_action: str | None = None) -> Observation:
        """
        triggers/reactions: item ids or names; an unknown name creates the item.
        """
    def export_csv(self, principal: Principal, query: SearchQuery, file: typing.Any) -> None:
        """
        Writes every result as CSV (UTF-8 text, header first) to file.write, a chunk at a time.
        """
    def export_csv_chunks(self, principal: Principal, query: SearchQuery) -> list[str]:
        """
        Every result as CSV, returned as a list of str chunks (''.join them for the whole).
        """
    def get(self, principal: Principal, id: str) -> Observation:
        ...
    def remove(self, principal: Principal, id: str) -> None:
        ...
    def search(self, principal: Principal, query: SearchQuery) -> SearchPage:
        """
        Newest first, a page at a time: pass page.next_cursor as query.cursor.
        """
    def update(self, principal: Principal, id: str, *, dog_id: str | None = None, date: datetime.date | None = None, severity: typing.SupportsInt | typing.SupportsIndex | None = None, comment: str | None = None, triggers: collections.abc.Sequence[str] | None = None, reactions: collections.abc.Sequence[str] | None = None, distance_m: typing.SupportsInt | typing.SupportsIndex | None = None, clear_distance_m: bool = False, recovery_min: typing.SupportsInt | typing.SupportsIndex | None = None, clear_recovery_min: bool = False, handler_action: str | None = None) -> Observation:
        """
        None leaves a field as it is; clear_* empties a detail; handler_action='' clears it.
        """
class CalendarDay:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('date', 'max_severity', 'band', 'observations')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def band(self) -> SeverityBand:
        ...
    @property
    def date(self) -> datetime.date:
        ...
    @property
    def max_severity(self) -> int:
        ...
    @property
    def observations(self) -> list[Observation]:
        ...
class CalendarMonth:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('year', 'month', 'dog_id', 'days')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def days(self) -> list[CalendarDay]:
        ...
    @property
    def dog_id(self) -> str:
        ...
    @property
    def month(self) -> int:
        ...
    @property
    def year(self) -> int:
        ...
class Calendar:
    def __init__(self, database: Database) -> None:
        ...
    def month(self, principal: Principal, dog_id: str | None, year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex) -> CalendarMonth:
        """
        Only days with observations, in date order; dog_id None for a single dog.
        """
class AnalyticsQuery:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('dog_id', 'period', 'from_date', 'to_date', 'month')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    dog_id: str | None
    from_date: datetime.date | None
    month: datetime.date | None
    period: Period
    to_date: datetime.date | None
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, dog_id: str | None = None, period: Period = Period.ALL, from_date: datetime.date | None = None, to_date: datetime.date | None = None, month: datetime.date | None = None) -> None:
        """
        month: any date in the month compared with the one before (default: this month).
        """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
class TriggerSeverityCount:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('trigger_id', 'trigger', 'severity', 'count')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        ...
    @property
    def severity(self) -> int:
        ...
    @property
    def trigger(self) -> str:
        ...
    @property
    def trigger_id(self) -> str:
        ...
class DailySeverity:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('date', 'mean', 'count', 'rolling_mean')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        ...
    @property
    def date(self) -> datetime.date:
        ...
    @property
    def mean(self) -> float:
        ...
    @property
    def rolling_mean(self) -> float:
        ...
class ReactionCompanion:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('trigger_id', 'trigger', 'count')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        ...
    @property
    def trigger(self) -> str:
        ...
    @property
    def trigger_id(self) -> str:
        ...
class ReactionShare:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('reaction_id', 'reaction', 'count', 'triggers')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        ...
    @property
    def reaction(self) -> str:
        ...
    @property
    def reaction_id(self) -> str:
        ...
    @property
    def triggers(self) -> list[ReactionCompanion]:
        ...
class HighIntensityShare:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('month', 'high', 'total', 'share', 'previous_high', 'previous_total', 'previous_share', 'delta')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def delta(self) -> float:
        ...
    @property
    def high(self) -> int:
        ...
    @property
    def month(self) -> datetime.date:
        ...
    @property
    def previous_high(self) -> int:
        ...
    @property
    def previous_share(self) -> float:
        ...
    @property
    def previous_total(self) -> int:
        ...
    @property
    def share(self) -> float:
        ...
    @property
    def total(self) -> int:
        ...
class Trend:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('direction', 'slope_per_day', 'days')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def days(self) -> int:
        ...
    @property
    def direction(self) -> TrendDirection:
        ...
    @property
    def slope_per_day(self) -> float:
        ...
class AnalyticsReport:
    __fields__: typing.ClassVar[tuple[str, ...]] = ('from_date', 'to_date', 'observations', 'trigger_severity', 'daily', 'reactions', 'high_intensity', 'trend')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def daily(self) -> list[DailySeverity]:
        ...
    @property
    def from_date(self) -> datetime.date | None:
        ...
    @property
    def high_intensity(self) -> HighIntensityShare:
        ...
    @property
    def observations(self) -> int:
        ...
    @property
    def reactions(self) -> list[ReactionShare]:
        ...
    @property
    def to_date(self) -> datetime.date | None:
        ...
    @property
    def trend(self) -> Trend:
        ...
    @property
    def trigger_severity(self) -> list[TriggerSeverityCount]:
        ...
class Analytics:
    def __init__(self, database: Database) -> None:
        ...
    def report(self, principal: Principal, query: AnalyticsQuery) -> AnalyticsReport:
        ...
def band_for(severity: typing.SupportsInt | typing.SupportsIndex) -> SeverityBand:
    """
    The calendar colour of a severity: 1-2 green, 3 orange, 4-5 red.
    """
def load_signing_keys(path: str) -> list[tuple[str, str]]:
    """
    Reads a signing-key file (one kid=secret per line, # comments), the one the REST server reads: (kid, secret) pairs in file order; the first signs.
    """
def read_secret_file(path: str) -> str:
    """
    A secret from a file (the *_FILE settings), surrounding blanks trimmed; never logged.
    """
DEFAULT_PAGE_SIZE: int = 50
MAX_PAGE_SIZE: int = 500
MAX_SEVERITY: int = 5
MIN_SEVERITY: int = 1
