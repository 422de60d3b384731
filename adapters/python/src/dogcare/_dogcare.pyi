"""
libdogcare bindings; use the `dogcare` package, which re-exports these.
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import typing
__all__: list[str] = ['AccessLog', 'AccessLogEntry', 'AccessLogPage', 'AccessLogQuery', 'AccessToken', 'AccessView', 'Accounts', 'Analytics', 'AnalyticsQuery', 'AnalyticsReport', 'AppliedMigration', 'AuthorRole', 'Calendar', 'CalendarDay', 'CalendarMonth', 'CalendarQuery', 'Catalog', 'CatalogItem', 'CatalogKind', 'ClientAlerts', 'ClientBoard', 'ClientBoardEntry', 'ClientBoardReport', 'Comment', 'CommentInput', 'CommentPage', 'CommentPatch', 'CommentQuery', 'CommentSettings', 'Comments', 'Credentials', 'DEFAULT_PAGE_SIZE', 'DEFAULT_TIME_ZONE', 'DailySeverity', 'Database', 'DefaultCatalogItem', 'Dialect', 'Dog', 'DogInput', 'DogPatch', 'DogShare', 'DogSharing', 'Dogs', 'Email', 'Field', 'HeldShare', 'HighIntensityShare', 'ItemRef', 'Language', 'MAX_PAGE_SIZE', 'MAX_SEVERITY', 'MIN_SEVERITY', 'MigrationReport', 'Observation', 'ObservationInput', 'ObservationPatch', 'Observations', 'Onboarding', 'PasswordChange', 'PasswordResetConfirmation', 'PasswordResetRequest', 'PendingInvitation', 'Period', 'PoolStats', 'Principal', 'ProfessionalKind', 'ProfessionalProfile', 'ProfessionalProfileInput', 'Professionals', 'ProfileUpdate', 'ReactionCompanion', 'ReactionShare', 'Registration', 'SearchPage', 'SearchQuery', 'SeverityBand', 'ShareCode', 'ShareCodeRequest', 'ShareInvitationInput', 'ShareScope', 'Sharing', 'SigningKeySource', 'SmtpMailer', 'Trend', 'TrendDirection', 'TriggerSeverityCount', 'UNSET', 'UnsetType', 'User', 'band_for', 'fields', 'load_signing_keys', 'read_secret_file', 'time_zone_names', 'today']
class UnsetType:
    """
    The type of UNSET, the default of every patch keyword: leave the field as it is. None clears a field; a value sets it.
    """
    def __bool__(self) -> bool:
        ...
    def __repr__(self) -> str:
        ...
class Field:
    """
    A field of a record as the library describes it: its limits (None where none applies) and its documentation.
    """
    def __repr__(self) -> str:
        ...
    @property
    def attribute(self) -> str:
        """
        The Python property and keyword.
        """
    @property
    def characters(self) -> str | None:
        """
        Text restricted to these characters (a regex bracket body).
        """
    @property
    def doc(self) -> str:
        ...
    @property
    def earliest(self) -> datetime.date | None:
        """
        Dates: the first allowed.
        """
    @property
    def format(self) -> str | None:
        """
        email, uuid, password...
        """
    @property
    def latest_after_today(self) -> int | None:
        """
        Dates: the last allowed is today plus this many days.
        """
    @property
    def max(self) -> int | None:
        """
        Integers: the largest allowed.
        """
    @property
    def max_items(self) -> int | None:
        """
        Lists: the most items.
        """
    @property
    def max_length(self) -> int | None:
        """
        Text: code points, after trimming.
        """
    @property
    def min(self) -> int | None:
        """
        Integers: the smallest allowed.
        """
    @property
    def min_length(self) -> int | None:
        """
        Text: code points, after trimming.
        """
    @property
    def multiline(self) -> bool:
        """
        Text may hold line breaks.
        """
    @property
    def name(self) -> str:
        """
        As in errors (Violation.field) and over HTTP.
        """
    @property
    def required(self) -> bool:
        ...
    @property
    def write_only(self) -> bool:
        """
        Accepted, never sent back.
        """
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
class Language(enum.Enum):
    EN = ...
    FR = ...
class ProfessionalKind(enum.Enum):
    BEHAVIOURIST = ...
    TRAINER = ...
    VET = ...
class ShareScope(enum.Enum):
    READ = ...
    READ_COMMENT = ...
class AuthorRole(enum.Enum):
    OWNER = ...
    PROFESSIONAL = ...
class AccessView(enum.Enum):
    ANALYTICS = ...
    CALENDAR = ...
    COMMENTS = ...
    DOG = ...
    EXPORT = ...
    OBSERVATIONS = ...
    SEARCH = ...
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
    __fields__: typing.ClassVar[tuple[str, ...]] = ('user_id', 'time_zone')
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
    def time_zone(self) -> str:
        """
        The account's IANA zone when it was authenticated.
        """
    @property
    def user_id(self) -> str:
        ...
class User:
    """
    The signed-in account.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'username', 'email', 'time_zone', 'language', 'onboarded', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, username: str, email: str | None = None, time_zone: str, language: Language, onboarded: bool, created_at: datetime.datetime, updated_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was created.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def email(self) -> str | None:
        """
        For password reset links; never shown to others.
        """
    @email.setter
    def email(self, arg1: str | None) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The account's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def language(self) -> Language:
        """
        The language of the account's mails and of the UI.
        """
    @language.setter
    def language(self, arg1: Language) -> None:
        ...
    @property
    def onboarded(self) -> bool:
        """
        Has chosen a starting catalog and named a dog.
        """
    @onboarded.setter
    def onboarded(self, arg1: bool) -> None:
        ...
    @property
    def time_zone(self) -> str:
        """
        An IANA time zone ("Europe/Paris"): the account's today and dates are local to it.
        """
    @time_zone.setter
    def time_zone(self, arg1: str) -> None:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        """
        When it last changed.
        """
    @updated_at.setter
    def updated_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def username(self) -> str:
        """
        Letters, digits, '.', '_' and '-'; unique ignoring case.
        """
    @username.setter
    def username(self, arg1: str) -> None:
        ...
class Registration:
    """
    A new account, with its first dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('username', 'password', 'email', 'dog_name', 'time_zone', 'language')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, username: str, password: str, email: str | None = None, dog_name: str | None = None, time_zone: str | None = None, language: Language | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def dog_name(self) -> str | None:
        """
        The first dog's name; "Mon chien" when absent.
        """
    @dog_name.setter
    def dog_name(self, arg1: str | None) -> None:
        ...
    @property
    def email(self) -> str | None:
        """
        For password reset links; never shown to others.
        """
    @email.setter
    def email(self, arg1: str | None) -> None:
        ...
    @property
    def language(self) -> Language | None:
        """
        Of the mails and the UI; French when absent.
        """
    @language.setter
    def language(self, arg1: Language | None) -> None:
        ...
    @property
    def password(self) -> str:
        """
        Any characters; no composition rules.
        """
    @password.setter
    def password(self, arg1: str) -> None:
        ...
    @property
    def time_zone(self) -> str | None:
        """
        An IANA time zone; "Europe/Paris" when absent.
        """
    @time_zone.setter
    def time_zone(self, arg1: str | None) -> None:
        ...
    @property
    def username(self) -> str:
        """
        Letters, digits, '.', '_' and '-'; unique ignoring case.
        """
    @username.setter
    def username(self, arg1: str) -> None:
        ...
class ProfileUpdate:
    """
    Changes to the account: an absent member stays, null clears it.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('username', 'email', 'time_zone', 'language')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, username: str | None | UnsetType = ..., email: str | None | UnsetType = ..., time_zone: str | None | UnsetType = ..., language: Language | None | UnsetType = ...) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def email(self) -> str | None | UnsetType:
        """
        For password reset links; never shown to others.
        """
    @email.setter
    def email(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def language(self) -> Language | None | UnsetType:
        """
        The language of the account's mails and of the UI.
        """
    @language.setter
    def language(self, arg1: Language | None | UnsetType) -> None:
        ...
    @property
    def time_zone(self) -> str | None | UnsetType:
        """
        An IANA time zone ("Europe/Paris"): the account's today and dates are local to it.
        """
    @time_zone.setter
    def time_zone(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def username(self) -> str | None | UnsetType:
        """
        Letters, digits, '.', '_' and '-'; unique ignoring case.
        """
    @username.setter
    def username(self, arg1: str | None | UnsetType) -> None:
        ...
class Credentials:
    """
    A login.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('username', 'password')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, username: str, password: str) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def password(self) -> str:
        """
        The password.
        """
    @password.setter
    def password(self, arg1: str) -> None:
        ...
    @property
    def username(self) -> str:
        """
        The username.
        """
    @username.setter
    def username(self, arg1: str) -> None:
        ...
class PasswordChange:
    """
    A new password; revokes every token.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('current_password', 'new_password')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, current_password: str, new_password: str) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def current_password(self) -> str:
        """
        The password in use.
        """
    @current_password.setter
    def current_password(self, arg1: str) -> None:
        ...
    @property
    def new_password(self) -> str:
        """
        Any characters; no composition rules.
        """
    @new_password.setter
    def new_password(self, arg1: str) -> None:
        ...
class PasswordResetRequest:
    """
    Asks for a reset link by email.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('email',)
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, email: str) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def email(self) -> str:
        """
        The account's email address.
        """
    @email.setter
    def email(self, arg1: str) -> None:
        ...
class PasswordResetConfirmation:
    """
    Sets a new password with a reset link's token.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('token', 'new_password')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, token: str, new_password: str) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def new_password(self) -> str:
        """
        Any characters; no composition rules.
        """
    @new_password.setter
    def new_password(self, arg1: str) -> None:
        ...
    @property
    def token(self) -> str:
        """
        The token of the reset link.
        """
    @token.setter
    def token(self, arg1: str) -> None:
        ...
class AccessToken:
    """
    A bearer token for the Authorization header.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('access_token', 'token_type', 'expires_in')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, access_token: str, token_type: str, expires_in: int) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def access_token(self) -> str:
        """
        A JWT: Authorization: Bearer <token>.
        """
    @access_token.setter
    def access_token(self, arg1: str) -> None:
        ...
    @property
    def expires_in(self) -> int:
        """
        Seconds until it expires.
        """
    @expires_in.setter
    def expires_in(self, arg1: int) -> None:
        ...
    @property
    def principal(self) -> Principal:
        ...
    @property
    def token_type(self) -> str:
        """
        Always bearer.
        """
    @token_type.setter
    def token_type(self, arg1: str) -> None:
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
    def register(self, *, username: str, password: str, email: str | None = None, dog_name: str | None = None, time_zone: str | None = None, language: Language | None = None) -> User:
        """
        Creates the account and its first dog.
        """
    def request_password_reset(self, email: str) -> None:
        ...
    def update_profile(self, principal: Principal, *, username: str | None | UnsetType = ..., email: str | None | UnsetType = ..., time_zone: str | None | UnsetType = ..., language: Language | None | UnsetType = ...) -> User:
        """
        UNSET leaves a field as it is; email=None (or '') removes the email.
        """
class Dog:
    """
    A dog whose reactions its owner records.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'name', 'breed', 'birth_date', 'notes', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, name: str, breed: str | None = None, birth_date: datetime.date | None = None, notes: str | None = None, created_at: datetime.datetime, updated_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def birth_date(self) -> datetime.date | None:
        """
        The date of birth, or an estimate.
        """
    @birth_date.setter
    def birth_date(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def breed(self) -> str | None:
        """
        The breed, in the owner's words.
        """
    @breed.setter
    def breed(self, arg1: str | None) -> None:
        ...
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was added.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The dog's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def name(self) -> str:
        """
        The dog's name.
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
    @property
    def notes(self) -> str | None:
        """
        Free notes about the dog.
        """
    @notes.setter
    def notes(self, arg1: str | None) -> None:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        """
        When it last changed.
        """
    @updated_at.setter
    def updated_at(self, arg1: datetime.datetime) -> None:
        ...
class DogInput:
    """
    A new dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('name', 'breed', 'birth_date', 'notes')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, name: str, breed: str | None = None, birth_date: datetime.date | None = None, notes: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def birth_date(self) -> datetime.date | None:
        """
        The date of birth, or an estimate.
        """
    @birth_date.setter
    def birth_date(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def breed(self) -> str | None:
        """
        The breed, in the owner's words.
        """
    @breed.setter
    def breed(self, arg1: str | None) -> None:
        ...
    @property
    def name(self) -> str:
        """
        The dog's name.
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
    @property
    def notes(self) -> str | None:
        """
        Free notes about the dog.
        """
    @notes.setter
    def notes(self, arg1: str | None) -> None:
        ...
class DogPatch:
    """
    Changes to a dog: an absent member stays, null clears it.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('name', 'breed', 'birth_date', 'notes')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, name: str | None | UnsetType = ..., breed: str | None | UnsetType = ..., birth_date: datetime.date | None | UnsetType = ..., notes: str | None | UnsetType = ...) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def birth_date(self) -> datetime.date | None | UnsetType:
        """
        The date of birth, or an estimate.
        """
    @birth_date.setter
    def birth_date(self, arg1: datetime.date | None | UnsetType) -> None:
        ...
    @property
    def breed(self) -> str | None | UnsetType:
        """
        The breed, in the owner's words.
        """
    @breed.setter
    def breed(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def name(self) -> str | None | UnsetType:
        """
        The dog's name.
        """
    @name.setter
    def name(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def notes(self) -> str | None | UnsetType:
        """
        Free notes about the dog.
        """
    @notes.setter
    def notes(self, arg1: str | None | UnsetType) -> None:
        ...
class Dogs:
    def __init__(self, database: Database) -> None:
        ...
    def create(self, principal: Principal, *, name: str, breed: str | None = None, birth_date: datetime.date | None = None, notes: str | None = None) -> Dog:
        """
        Adds a dog.
        """
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
    def update(self, principal: Principal, id: str, *, name: str | None | UnsetType = ..., breed: str | None | UnsetType = ..., birth_date: datetime.date | None | UnsetType = ..., notes: str | None | UnsetType = ...) -> Dog:
        """
        UNSET leaves a field as it is, None clears it, a value sets it.
        """
class CatalogItem:
    """
    A trigger or a reaction of the user's catalog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'name', 'archived')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, name: str, archived: bool) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def archived(self) -> bool:
        """
        Kept for the observations that use it, no longer offered for new ones.
        """
    @archived.setter
    def archived(self, arg1: bool) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The item's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def name(self) -> str:
        """
        The item's name, unique per user ignoring case and accents.
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
class DefaultCatalogItem:
    """
    An entry of the default catalog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'name', 'position')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, name: str, position: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def id(self) -> str:
        """
        The item's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def name(self) -> str:
        """
        The item's name, unique per user ignoring case and accents.
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
    @property
    def position(self) -> int:
        """
        Display order.
        """
    @position.setter
    def position(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Onboarding:
    """
    What a new user picks at the first login.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('trigger_ids', 'reaction_ids', 'dog_name')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, trigger_ids: collections.abc.Sequence[str] = [], reaction_ids: collections.abc.Sequence[str] = [], dog_name: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def dog_name(self) -> str | None:
        """
        Renames the account's first dog.
        """
    @dog_name.setter
    def dog_name(self, arg1: str | None) -> None:
        ...
    @property
    def reaction_ids(self) -> list[str]:
        """
        Ids of default reactions to copy into the user's catalog.
        """
    @reaction_ids.setter
    def reaction_ids(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def trigger_ids(self) -> list[str]:
        """
        Ids of default triggers to copy into the user's catalog.
        """
    @trigger_ids.setter
    def trigger_ids(self, arg1: collections.abc.Sequence[str]) -> None:
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
    def onboard(self, principal: Principal, *, trigger_ids: collections.abc.Sequence[str] = [], reaction_ids: collections.abc.Sequence[str] = [], dog_name: str | None = None) -> None:
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
    """
    A catalog item as an observation names it.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'name')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, name: str) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def id(self) -> str:
        """
        The item's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def name(self) -> str:
        """
        The item's name.
        """
    @name.setter
    def name(self, arg1: str) -> None:
        ...
class Observation:
    """
    What happened with one dog on one day.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'date', 'dog_id', 'severity', 'triggers', 'reactions', 'comment', 'distance_m', 'recovery_min', 'handler_action', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, date: datetime.date, dog_id: str, severity: typing.SupportsInt | typing.SupportsIndex, triggers: collections.abc.Sequence[ItemRef], reactions: collections.abc.Sequence[ItemRef], comment: str, distance_m: typing.SupportsInt | typing.SupportsIndex | None = None, recovery_min: typing.SupportsInt | typing.SupportsIndex | None = None, handler_action: str | None = None, created_at: datetime.datetime, updated_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def comment(self) -> str:
        """
        What happened, in the owner's words.
        """
    @comment.setter
    def comment(self, arg1: str) -> None:
        ...
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was recorded.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        The day it happened, in the owner's time zone; up to their today.
        """
    @date.setter
    def date(self, arg1: datetime.date) -> None:
        ...
    @property
    def distance_m(self) -> int | None:
        """
        Distance to the trigger, in metres.
        """
    @distance_m.setter
    def distance_m(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def handler_action(self) -> str | None:
        """
        What the handler did.
        """
    @handler_action.setter
    def handler_action(self, arg1: str | None) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The observation's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def reactions(self) -> list[ItemRef]:
        """
        How the dog reacted, alphabetical.
        """
    @reactions.setter
    def reactions(self, arg1: collections.abc.Sequence[ItemRef]) -> None:
        ...
    @property
    def recovery_min(self) -> int | None:
        """
        Time the dog took to calm down, in minutes.
        """
    @recovery_min.setter
    def recovery_min(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def severity(self) -> int:
        """
        How strong the reaction was: 1 (barely) to 5 (worst).
        """
    @severity.setter
    def severity(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def triggers(self) -> list[ItemRef]:
        """
        What set the dog off, alphabetical.
        """
    @triggers.setter
    def triggers(self, arg1: collections.abc.Sequence[ItemRef]) -> None:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        """
        When it last changed.
        """
    @updated_at.setter
    def updated_at(self, arg1: datetime.datetime) -> None:
        ...
class ObservationInput:
    """
    A new observation.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('dog_id', 'date', 'severity', 'comment', 'triggers', 'reactions', 'distance_m', 'recovery_min', 'handler_action')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, dog_id: str | None = None, date: datetime.date, severity: typing.SupportsInt | typing.SupportsIndex, comment: str = '', triggers: collections.abc.Sequence[str] = [], reactions: collections.abc.Sequence[str] = [], distance_m: typing.SupportsInt | typing.SupportsIndex | None = None, recovery_min: typing.SupportsInt | typing.SupportsIndex | None = None, handler_action: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def comment(self) -> str:
        """
        What happened, in the owner's words.
        """
    @comment.setter
    def comment(self, arg1: str) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        The day it happened, in the owner's time zone; up to their today.
        """
    @date.setter
    def date(self, arg1: datetime.date) -> None:
        ...
    @property
    def distance_m(self) -> int | None:
        """
        Distance to the trigger, in metres.
        """
    @distance_m.setter
    def distance_m(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def dog_id(self) -> str | None:
        """
        The dog; may be omitted when the user has one dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str | None) -> None:
        ...
    @property
    def handler_action(self) -> str | None:
        """
        What the handler did.
        """
    @handler_action.setter
    def handler_action(self, arg1: str | None) -> None:
        ...
    @property
    def reactions(self) -> list[str]:
        """
        How the dog reacted: item ids, or names (an unknown name is added to the catalog).
        """
    @reactions.setter
    def reactions(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def recovery_min(self) -> int | None:
        """
        Time the dog took to calm down, in minutes.
        """
    @recovery_min.setter
    def recovery_min(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def severity(self) -> int:
        """
        How strong the reaction was: 1 (barely) to 5 (worst).
        """
    @severity.setter
    def severity(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def triggers(self) -> list[str]:
        """
        What set the dog off: item ids, or names (an unknown name is added to the catalog).
        """
    @triggers.setter
    def triggers(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
class ObservationPatch:
    """
    Changes to an observation: an absent member stays, null clears it.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('dog_id', 'date', 'severity', 'comment', 'triggers', 'reactions', 'distance_m', 'recovery_min', 'handler_action')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, dog_id: str | None | UnsetType = ..., date: datetime.date | None | UnsetType = ..., severity: typing.SupportsInt | typing.SupportsIndex | None | UnsetType = ..., comment: str | None | UnsetType = ..., triggers: collections.abc.Sequence[str] | None | UnsetType = ..., reactions: collections.abc.Sequence[str] | None | UnsetType = ..., distance_m: typing.SupportsInt | typing.SupportsIndex | None | UnsetType = ..., recovery_min: typing.SupportsInt | typing.SupportsIndex | None | UnsetType = ..., handler_action: str | None | UnsetType = ...) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def comment(self) -> str | None | UnsetType:
        """
        What happened, in the owner's words.
        """
    @comment.setter
    def comment(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def date(self) -> datetime.date | None | UnsetType:
        """
        The day it happened, in the owner's time zone; up to their today.
        """
    @date.setter
    def date(self, arg1: datetime.date | None | UnsetType) -> None:
        ...
    @property
    def distance_m(self) -> int | None | UnsetType:
        """
        Distance to the trigger, in metres.
        """
    @distance_m.setter
    def distance_m(self, arg1: typing.SupportsInt | typing.SupportsIndex | None | UnsetType) -> None:
        ...
    @property
    def dog_id(self) -> str | None | UnsetType:
        """
        Moves it to this dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def handler_action(self) -> str | None | UnsetType:
        """
        What the handler did.
        """
    @handler_action.setter
    def handler_action(self, arg1: str | None | UnsetType) -> None:
        ...
    @property
    def reactions(self) -> list[str] | None | UnsetType:
        """
        How the dog reacted: item ids, or names (an unknown name is added to the catalog).
        """
    @reactions.setter
    def reactions(self, arg1: collections.abc.Sequence[str] | None | UnsetType) -> None:
        ...
    @property
    def recovery_min(self) -> int | None | UnsetType:
        """
        Time the dog took to calm down, in minutes.
        """
    @recovery_min.setter
    def recovery_min(self, arg1: typing.SupportsInt | typing.SupportsIndex | None | UnsetType) -> None:
        ...
    @property
    def severity(self) -> int | None | UnsetType:
        """
        How strong the reaction was: 1 (barely) to 5 (worst).
        """
    @severity.setter
    def severity(self, arg1: typing.SupportsInt | typing.SupportsIndex | None | UnsetType) -> None:
        ...
    @property
    def triggers(self) -> list[str] | None | UnsetType:
        """
        What set the dog off: item ids, or names (an unknown name is added to the catalog).
        """
    @triggers.setter
    def triggers(self, arg1: collections.abc.Sequence[str] | None | UnsetType) -> None:
        ...
class SearchQuery:
    """
    Which observations to list, newest first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('q', 'from_', 'to', 'dog_id', 'trigger', 'reaction', 'severity', 'limit', 'cursor', 'total')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, q: str | None = None, from_: datetime.date | None = None, to: datetime.date | None = None, dog_id: str | None = None, trigger: collections.abc.Sequence[str] = [], reaction: collections.abc.Sequence[str] = [], severity: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None, total: bool = False) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def cursor(self) -> str | None:
        """
        The next_cursor of the previous page.
        """
    @cursor.setter
    def cursor(self, arg1: str | None) -> None:
        ...
    @property
    def dog_id(self) -> str | None:
        """
        Only this dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str | None) -> None:
        ...
    @property
    def from_(self) -> datetime.date | None:
        """
        From this date, inclusive.
        """
    @from_.setter
    def from_(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def limit(self) -> int:
        """
        Observations per page.
        """
    @limit.setter
    def limit(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def q(self) -> str | None:
        """
        Words in the comment, ignoring case and accents.
        """
    @q.setter
    def q(self, arg1: str | None) -> None:
        ...
    @property
    def reaction(self) -> list[str]:
        """
        Reaction ids: observations with any of them.
        """
    @reaction.setter
    def reaction(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def severity(self) -> list[int]:
        """
        Severities: observations with any of them.
        """
    @severity.setter
    def severity(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def to(self) -> datetime.date | None:
        """
        Up to this date, inclusive.
        """
    @to.setter
    def to(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def total(self) -> bool:
        """
        Count every match (costs a query).
        """
    @total.setter
    def total(self, arg1: bool) -> None:
        ...
    @property
    def trigger(self) -> list[str]:
        """
        Trigger ids: observations with any of them.
        """
    @trigger.setter
    def trigger(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
class SearchPage:
    """
    A page of observations, newest first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('items', 'next_cursor', 'total')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, items: collections.abc.Sequence[Observation], next_cursor: str | None = None, total: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def items(self) -> list[Observation]:
        """
        The observations.
        """
    @items.setter
    def items(self, arg1: collections.abc.Sequence[Observation]) -> None:
        ...
    @property
    def next_cursor(self) -> str | None:
        """
        Pass as cursor for the next page; null on the last.
        """
    @next_cursor.setter
    def next_cursor(self, arg1: str | None) -> None:
        ...
    @property
    def total(self) -> int | None:
        """
        Every match, when asked for with total=true.
        """
    @total.setter
    def total(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class Observations:
    def __init__(self, database: Database) -> None:
        ...
    def create(self, principal: Principal, *, dog_id: str | None = None, date: datetime.date, severity: typing.SupportsInt | typing.SupportsIndex, comment: str = '', triggers: collections.abc.Sequence[str] = [], reactions: collections.abc.Sequence[str] = [], distance_m: typing.SupportsInt | typing.SupportsIndex | None = None, recovery_min: typing.SupportsInt | typing.SupportsIndex | None = None, handler_action: str | None = None) -> Observation:
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
    def update(self, principal: Principal, id: str, *, dog_id: str | None | UnsetType = ..., date: datetime.date | None | UnsetType = ..., severity: typing.SupportsInt | typing.SupportsIndex | None | UnsetType = ..., comment: str | None | UnsetType = ..., triggers: collections.abc.Sequence[str] | None | UnsetType = ..., reactions: collections.abc.Sequence[str] | None | UnsetType = ..., distance_m: typing.SupportsInt | typing.SupportsIndex | None | UnsetType = ..., recovery_min: typing.SupportsInt | typing.SupportsIndex | None | UnsetType = ..., handler_action: str | None | UnsetType = ...) -> Observation:
        """
        UNSET leaves a field as it is, None clears it (an empty comment or list too), a value sets it.
        """
class CalendarDay:
    """
    A day with observations.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('date', 'max_severity', 'band', 'observations')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, date: datetime.date, max_severity: typing.SupportsInt | typing.SupportsIndex, band: SeverityBand, observations: collections.abc.Sequence[Observation]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def band(self) -> SeverityBand:
        """
        Its colour: 1-2 green, 3 orange, 4-5 red.
        """
    @band.setter
    def band(self, arg1: SeverityBand) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        The day.
        """
    @date.setter
    def date(self, arg1: datetime.date) -> None:
        ...
    @property
    def max_severity(self) -> int:
        """
        The day's highest severity.
        """
    @max_severity.setter
    def max_severity(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def observations(self) -> list[Observation]:
        """
        The day's observations, newest first.
        """
    @observations.setter
    def observations(self, arg1: collections.abc.Sequence[Observation]) -> None:
        ...
class CalendarMonth:
    """
    A month of one dog's observations, day by day.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('year', 'month', 'dog_id', 'days')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex, dog_id: str, days: collections.abc.Sequence[CalendarDay]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def days(self) -> list[CalendarDay]:
        """
        Only days with observations, in date order.
        """
    @days.setter
    def days(self, arg1: collections.abc.Sequence[CalendarDay]) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def month(self) -> int:
        """
        The month, 1 to 12.
        """
    @month.setter
    def month(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def year(self) -> int:
        """
        The year.
        """
    @year.setter
    def year(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class CalendarQuery:
    """
    A month of one dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('dog_id', 'year', 'month')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, dog_id: str | None = None, year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def dog_id(self) -> str | None:
        """
        The dog; may be omitted when the user has one dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str | None) -> None:
        ...
    @property
    def month(self) -> int:
        """
        The month, 1 to 12.
        """
    @month.setter
    def month(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def year(self) -> int:
        """
        The year.
        """
    @year.setter
    def year(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Calendar:
    def __init__(self, database: Database) -> None:
        ...
    def month(self, principal: Principal, *, dog_id: str | None = None, year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex) -> CalendarMonth:
        """
        Only days with observations, in date order; dog_id None for a single dog.
        """
class AnalyticsQuery:
    """
    The period (and dog) the analytics cover.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('dog_id', 'period', 'from_', 'to', 'month')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, dog_id: str | None = None, period: Period | None = None, from_: datetime.date | None = None, to: datetime.date | None = None, month: datetime.date | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def dog_id(self) -> str | None:
        """
        Only this dog; all when absent.
        """
    @dog_id.setter
    def dog_id(self, arg1: str | None) -> None:
        ...
    @property
    def from_(self) -> datetime.date | None:
        """
        Custom period: first day.
        """
    @from_.setter
    def from_(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def month(self) -> datetime.date | None:
        """
        The month compared with the one before; default: this one.
        """
    @month.setter
    def month(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def period(self) -> Period | None:
        """
        all, this_year, this_month, this_week, or custom (from/to); custom when from or to is given.
        """
    @period.setter
    def period(self, arg1: Period | None) -> None:
        ...
    @property
    def to(self) -> datetime.date | None:
        """
        Custom period: last day.
        """
    @to.setter
    def to(self, arg1: datetime.date | None) -> None:
        ...
class TriggerSeverityCount:
    """
    Observations with one trigger at one severity.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('trigger_id', 'trigger', 'severity', 'count')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, trigger_id: str, trigger: str, severity: typing.SupportsInt | typing.SupportsIndex, count: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        """
        Observations.
        """
    @count.setter
    def count(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def severity(self) -> int:
        """
        The severity.
        """
    @severity.setter
    def severity(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def trigger(self) -> str:
        """
        Its name.
        """
    @trigger.setter
    def trigger(self, arg1: str) -> None:
        ...
    @property
    def trigger_id(self) -> str:
        """
        The trigger's id.
        """
    @trigger_id.setter
    def trigger_id(self, arg1: str) -> None:
        ...
class DailySeverity:
    """
    The mean severity of a day.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('date', 'mean', 'count', 'rolling_mean')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, date: datetime.date, mean: typing.SupportsFloat | typing.SupportsIndex, count: typing.SupportsInt | typing.SupportsIndex, rolling_mean: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        """
        Observations that day.
        """
    @count.setter
    def count(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def date(self) -> datetime.date:
        """
        The day.
        """
    @date.setter
    def date(self, arg1: datetime.date) -> None:
        ...
    @property
    def mean(self) -> float:
        """
        Mean severity that day.
        """
    @mean.setter
    def mean(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def rolling_mean(self) -> float:
        """
        Mean over the 7 days ending that day.
        """
    @rolling_mean.setter
    def rolling_mean(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class ReactionCompanion:
    """
    A trigger seen with a reaction.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('trigger_id', 'trigger', 'count')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, trigger_id: str, trigger: str, count: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        """
        Observations with both.
        """
    @count.setter
    def count(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def trigger(self) -> str:
        """
        Its name.
        """
    @trigger.setter
    def trigger(self, arg1: str) -> None:
        ...
    @property
    def trigger_id(self) -> str:
        """
        The trigger's id.
        """
    @trigger_id.setter
    def trigger_id(self, arg1: str) -> None:
        ...
class ReactionShare:
    """
    How often a reaction occurs, and with what.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('reaction_id', 'reaction', 'count', 'triggers')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, reaction_id: str, reaction: str, count: typing.SupportsInt | typing.SupportsIndex, triggers: collections.abc.Sequence[ReactionCompanion]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def count(self) -> int:
        """
        Observations with this reaction.
        """
    @count.setter
    def count(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def reaction(self) -> str:
        """
        Its name.
        """
    @reaction.setter
    def reaction(self, arg1: str) -> None:
        ...
    @property
    def reaction_id(self) -> str:
        """
        The reaction's id.
        """
    @reaction_id.setter
    def reaction_id(self, arg1: str) -> None:
        ...
    @property
    def triggers(self) -> list[ReactionCompanion]:
        """
        Triggers seen with it, most frequent first.
        """
    @triggers.setter
    def triggers(self, arg1: collections.abc.Sequence[ReactionCompanion]) -> None:
        ...
class HighIntensityShare:
    """
    The share of strong reactions (severity 4 or 5) in a month and the month before.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('month', 'high', 'total', 'share', 'previous_high', 'previous_total', 'previous_share', 'delta')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, month: datetime.date, high: typing.SupportsInt | typing.SupportsIndex, total: typing.SupportsInt | typing.SupportsIndex, share: typing.SupportsFloat | typing.SupportsIndex, previous_high: typing.SupportsInt | typing.SupportsIndex, previous_total: typing.SupportsInt | typing.SupportsIndex, previous_share: typing.SupportsFloat | typing.SupportsIndex, delta: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def delta(self) -> float:
        """
        share - previous_share.
        """
    @delta.setter
    def delta(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def high(self) -> int:
        """
        Strong reactions.
        """
    @high.setter
    def high(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def month(self) -> datetime.date:
        """
        The month.
        """
    @month.setter
    def month(self, arg1: datetime.date) -> None:
        ...
    @property
    def previous_high(self) -> int:
        """
        The month before: strong reactions.
        """
    @previous_high.setter
    def previous_high(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def previous_share(self) -> float:
        """
        The month before: the share.
        """
    @previous_share.setter
    def previous_share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def previous_total(self) -> int:
        """
        The month before: all observations.
        """
    @previous_total.setter
    def previous_total(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def share(self) -> float:
        """
        high / total, or 0.
        """
    @share.setter
    def share(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def total(self) -> int:
        """
        All observations.
        """
    @total.setter
    def total(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Trend:
    """
    Is it getting better?
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('direction', 'slope_per_day', 'days')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, direction: TrendDirection, slope_per_day: typing.SupportsFloat | typing.SupportsIndex, days: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def days(self) -> int:
        """
        Days with observations.
        """
    @days.setter
    def days(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def direction(self) -> TrendDirection:
        """
        The verdict.
        """
    @direction.setter
    def direction(self, arg1: TrendDirection) -> None:
        ...
    @property
    def slope_per_day(self) -> float:
        """
        Least-squares slope of the daily mean severity, per day (negative = better).
        """
    @slope_per_day.setter
    def slope_per_day(self, arg1: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class AnalyticsReport:
    """
    What the observations say over a period.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('from_', 'to', 'observations', 'trigger_severity', 'daily', 'reactions', 'high_intensity', 'trend')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, from_: datetime.date | None = None, to: datetime.date | None = None, observations: typing.SupportsInt | typing.SupportsIndex, trigger_severity: collections.abc.Sequence[TriggerSeverityCount], daily: collections.abc.Sequence[DailySeverity], reactions: collections.abc.Sequence[ReactionShare], high_intensity: HighIntensityShare, trend: Trend) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def daily(self) -> list[DailySeverity]:
        """
        In date order.
        """
    @daily.setter
    def daily(self, arg1: collections.abc.Sequence[DailySeverity]) -> None:
        ...
    @property
    def from_(self) -> datetime.date | None:
        """
        The period's first day; null: all time.
        """
    @from_.setter
    def from_(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def high_intensity(self) -> HighIntensityShare:
        """
        This month against the one before.
        """
    @high_intensity.setter
    def high_intensity(self, arg1: HighIntensityShare) -> None:
        ...
    @property
    def observations(self) -> int:
        """
        Observations in the period.
        """
    @observations.setter
    def observations(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def reactions(self) -> list[ReactionShare]:
        """
        Most frequent first.
        """
    @reactions.setter
    def reactions(self, arg1: collections.abc.Sequence[ReactionShare]) -> None:
        ...
    @property
    def to(self) -> datetime.date | None:
        """
        The period's last day; null: all time.
        """
    @to.setter
    def to(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def trend(self) -> Trend:
        """
        The trend.
        """
    @trend.setter
    def trend(self, arg1: Trend) -> None:
        ...
    @property
    def trigger_severity(self) -> list[TriggerSeverityCount]:
        """
        By trigger name, then severity.
        """
    @trigger_severity.setter
    def trigger_severity(self, arg1: collections.abc.Sequence[TriggerSeverityCount]) -> None:
        ...
class Analytics:
    def __init__(self, database: Database) -> None:
        ...
    def report(self, principal: Principal, query: AnalyticsQuery) -> AnalyticsReport:
        ...
class ProfessionalProfile:
    """
    A trainer's, behaviourist's or vet's profile, shown to the owners who share with them.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('display_name', 'kind', 'organisation', 'contact', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, display_name: str, kind: ProfessionalKind, organisation: str | None = None, contact: str | None = None, updated_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def contact(self) -> str | None:
        """
        How owners reach the professional, as they typed it.
        """
    @contact.setter
    def contact(self, arg1: str | None) -> None:
        ...
    @property
    def display_name(self) -> str:
        """
        The name owners see.
        """
    @display_name.setter
    def display_name(self, arg1: str) -> None:
        ...
    @property
    def kind(self) -> ProfessionalKind:
        """
        trainer, behaviourist or vet.
        """
    @kind.setter
    def kind(self, arg1: ProfessionalKind) -> None:
        ...
    @property
    def organisation(self) -> str | None:
        """
        The practice, club or company.
        """
    @organisation.setter
    def organisation(self, arg1: str | None) -> None:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        """
        When it last changed.
        """
    @updated_at.setter
    def updated_at(self, arg1: datetime.datetime) -> None:
        ...
class ProfessionalProfileInput:
    """
    Sets the caller's professional profile.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('display_name', 'kind', 'organisation', 'contact')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, display_name: str, kind: ProfessionalKind, organisation: str | None = None, contact: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def contact(self) -> str | None:
        """
        How owners reach the professional, as they typed it.
        """
    @contact.setter
    def contact(self, arg1: str | None) -> None:
        ...
    @property
    def display_name(self) -> str:
        """
        The name owners see.
        """
    @display_name.setter
    def display_name(self, arg1: str) -> None:
        ...
    @property
    def kind(self) -> ProfessionalKind:
        """
        trainer, behaviourist or vet.
        """
    @kind.setter
    def kind(self, arg1: ProfessionalKind) -> None:
        ...
    @property
    def organisation(self) -> str | None:
        """
        The practice, club or company.
        """
    @organisation.setter
    def organisation(self, arg1: str | None) -> None:
        ...
class Professionals:
    def __init__(self, database: Database) -> None:
        ...
    def clear_profile(self, principal: Principal) -> None:
        """
        Removes the caller's profile (nothing to remove is fine); their grants stay.
        """
    def profile(self, principal: Principal) -> ProfessionalProfile | None:
        """
        The caller's profile, or None.
        """
    def set_profile(self, principal: Principal, *, display_name: str, kind: ProfessionalKind, organisation: str | None = None, contact: str | None = None) -> ProfessionalProfile:
        """
        Creates or replaces the caller's profile.
        """
class ShareInvitationInput:
    """
    Invites a professional to one dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('professional', 'scope')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, professional: str, scope: ShareScope) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def professional(self) -> str:
        """
        The professional's username or email address.
        """
    @professional.setter
    def professional(self, arg1: str) -> None:
        ...
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
class ShareCodeRequest:
    """
    Asks for a one-time code sharing one dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('scope',)
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, scope: ShareScope) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
class PendingInvitation:
    """
    An invitation not yet accepted.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'dog_id', 'invitee', 'scope', 'expires_at', 'created_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, dog_id: str, invitee: str | None = None, scope: ShareScope, expires_at: datetime.datetime, created_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was made.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The shared dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def expires_at(self) -> datetime.datetime:
        """
        Until when it can be accepted.
        """
    @expires_at.setter
    def expires_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The grant's or invitation's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def invitee(self) -> str | None:
        """
        Whom the invitation is for, as typed; absent for a code.
        """
    @invitee.setter
    def invitee(self, arg1: str | None) -> None:
        ...
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
class DogShare:
    """
    A professional's access to one dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'dog_id', 'professional_username', 'profile', 'scope', 'created_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, dog_id: str, professional_username: str, profile: ProfessionalProfile | None = None, scope: ShareScope, created_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was made.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The shared dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The grant's or invitation's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def professional_username(self) -> str:
        """
        The professional's username.
        """
    @professional_username.setter
    def professional_username(self, arg1: str) -> None:
        ...
    @property
    def profile(self) -> ProfessionalProfile | None:
        """
        The professional's profile, if they have one.
        """
    @profile.setter
    def profile(self, arg1: ProfessionalProfile | None) -> None:
        ...
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
class DogSharing:
    """
    Who holds or was offered access to one dog.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('shares', 'invitations')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, shares: collections.abc.Sequence[DogShare], invitations: collections.abc.Sequence[PendingInvitation]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def invitations(self) -> list[PendingInvitation]:
        """
        The pending invitations.
        """
    @invitations.setter
    def invitations(self, arg1: collections.abc.Sequence[PendingInvitation]) -> None:
        ...
    @property
    def shares(self) -> list[DogShare]:
        """
        The live grants.
        """
    @shares.setter
    def shares(self, arg1: collections.abc.Sequence[DogShare]) -> None:
        ...
class HeldShare:
    """
    A dog shared with the caller, or offered to them.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'dog_id', 'dog_name', 'owner_name', 'scope', 'created_at', 'expires_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, dog_id: str, dog_name: str, owner_name: str, scope: ShareScope, created_at: datetime.datetime, expires_at: datetime.datetime | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was made.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The shared dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def dog_name(self) -> str:
        """
        The dog's name.
        """
    @dog_name.setter
    def dog_name(self, arg1: str) -> None:
        ...
    @property
    def expires_at(self) -> datetime.datetime | None:
        """
        An invitation's last moment to accept.
        """
    @expires_at.setter
    def expires_at(self, arg1: datetime.datetime | None) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The grant's or invitation's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def owner_name(self) -> str:
        """
        The owner's display name.
        """
    @owner_name.setter
    def owner_name(self, arg1: str) -> None:
        ...
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
class ShareCode:
    """
    A one-time code for a professional: valid 7 days, single use; shown once.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('code', 'invitation_id', 'dog_id', 'scope', 'expires_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, code: str, invitation_id: str, dog_id: str, scope: ShareScope, expires_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def code(self) -> str:
        """
        The one-time code; shown once.
        """
    @code.setter
    def code(self, arg1: str) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The shared dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def expires_at(self) -> datetime.datetime:
        """
        Until when it can be accepted.
        """
    @expires_at.setter
    def expires_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def invitation_id(self) -> str:
        """
        The invitation, for cancelling it.
        """
    @invitation_id.setter
    def invitation_id(self, arg1: str) -> None:
        ...
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
class Sharing:
    def __init__(self, database: Database, *, mailer: typing.Any = None, invitation_link: str = 'http://localhost:8501/', invitation_ttl: typing.SupportsFloat | typing.SupportsIndex = 604800.0) -> None:
        """
        mailer: SmtpMailer, a callable taking an Email, or None (invitations are only listed). invitation_ttl in seconds (whole hours).
        """
    def accept(self, principal: Principal, invitation_id: str) -> HeldShare:
        """
        Accepts an invitation addressed to the caller: the grant they now hold.
        """
    def accept_code(self, principal: Principal, code: str) -> HeldShare:
        """
        Accepts a one-time code: the grant.
        """
    def cancel_invitation(self, principal: Principal, invitation_id: str) -> None:
        """
        The owner cancels an invitation or a code.
        """
    def create_code(self, principal: Principal, dog_id: str, *, scope: ShareScope) -> ShareCode:
        """
        A one-time code bound to the dog and the scope; shown once.
        """
    def held(self, principal: Principal) -> list[HeldShare]:
        """
        The grants the caller holds.
        """
    def invitations(self, principal: Principal) -> list[HeldShare]:
        """
        The invitations addressed to the caller, not yet expired.
        """
    def invite(self, principal: Principal, dog_id: str, *, professional: str, scope: ShareScope) -> PendingInvitation:
        """
        Invites a professional by username or email: the same answer whether or not an account matches.
        """
    def leave(self, principal: Principal, share_id: str) -> None:
        """
        The professional gives up a grant.
        """
    def list_for_dog(self, principal: Principal, dog_id: str) -> DogSharing:
        """
        The dog's grants (with each professional's profile) and pending invitations.
        """
    def revoke(self, principal: Principal, share_id: str) -> None:
        """
        The owner ends a grant.
        """
class Comment:
    """
    A comment on a shared dog or one of its observations.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'dog_id', 'observation_id', 'share_id', 'author_id', 'author_role', 'author_name', 'mine', 'body', 'created_at', 'updated_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, dog_id: str, observation_id: str | None = None, share_id: str | None = None, author_id: str | None = None, author_role: AuthorRole, author_name: str | None = None, mine: bool, body: str, created_at: datetime.datetime, updated_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def author_id(self) -> str | None:
        """
        The author; absent once their account is deleted.
        """
    @author_id.setter
    def author_id(self, arg1: str | None) -> None:
        ...
    @property
    def author_name(self) -> str | None:
        """
        The author's display name; absent once their account is deleted.
        """
    @author_name.setter
    def author_name(self, arg1: str | None) -> None:
        ...
    @property
    def author_role(self) -> AuthorRole:
        """
        owner or professional.
        """
    @author_role.setter
    def author_role(self, arg1: AuthorRole) -> None:
        ...
    @property
    def body(self) -> str:
        """
        The comment's text.
        """
    @body.setter
    def body(self, arg1: str) -> None:
        ...
    @property
    def created_at(self) -> datetime.datetime:
        """
        When it was written.
        """
    @created_at.setter
    def created_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The comment's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def mine(self) -> bool:
        """
        Written by the caller (who may edit it).
        """
    @mine.setter
    def mine(self, arg1: bool) -> None:
        ...
    @property
    def observation_id(self) -> str | None:
        """
        The observation commented; absent for a comment on the dog.
        """
    @observation_id.setter
    def observation_id(self, arg1: str | None) -> None:
        ...
    @property
    def share_id(self) -> str | None:
        """
        The conversation's grant, while it is live.
        """
    @share_id.setter
    def share_id(self, arg1: str | None) -> None:
        ...
    @property
    def updated_at(self) -> datetime.datetime:
        """
        When it last changed.
        """
    @updated_at.setter
    def updated_at(self, arg1: datetime.datetime) -> None:
        ...
class CommentInput:
    """
    A new comment.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('body', 'share_id')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, body: str, share_id: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def body(self) -> str:
        """
        The comment's text.
        """
    @body.setter
    def body(self, arg1: str) -> None:
        ...
    @property
    def share_id(self) -> str | None:
        """
        The conversation: the grant of the professional addressed (required of the owner).
        """
    @share_id.setter
    def share_id(self, arg1: str | None) -> None:
        ...
class CommentPatch:
    """
    Changes one's own comment.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('body',)
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, body: str | None | UnsetType = ...) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def body(self) -> str | None | UnsetType:
        """
        The comment's text.
        """
    @body.setter
    def body(self, arg1: str | None | UnsetType) -> None:
        ...
class CommentQuery:
    """
    A page of a thread, oldest first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('limit', 'cursor')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def cursor(self) -> str | None:
        """
        The next_cursor of the previous page.
        """
    @cursor.setter
    def cursor(self, arg1: str | None) -> None:
        ...
    @property
    def limit(self) -> int:
        """
        Comments per page.
        """
    @limit.setter
    def limit(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class CommentPage:
    """
    A page of comments, oldest first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('items', 'next_cursor')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, items: collections.abc.Sequence[Comment], next_cursor: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def items(self) -> list[Comment]:
        """
        The comments.
        """
    @items.setter
    def items(self, arg1: collections.abc.Sequence[Comment]) -> None:
        ...
    @property
    def next_cursor(self) -> str | None:
        """
        The next page's cursor; absent on the last page.
        """
    @next_cursor.setter
    def next_cursor(self, arg1: str | None) -> None:
        ...
class CommentSettings:
    """
    How the caller hears of new comments.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('notify_comments',)
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, notify_comments: bool = True) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def notify_comments(self) -> bool:
        """
        Mail me when the other side comments.
        """
    @notify_comments.setter
    def notify_comments(self, arg1: bool) -> None:
        ...
class Comments:
    def __init__(self, database: Database, *, mailer: typing.Any = None, link: str = 'http://localhost:8501/') -> None:
        """
        mailer: SmtpMailer, a callable taking an Email, or None (no mail). link: the page a notification mail points to.
        """
    def add_to_dog(self, principal: Principal, dog_id: str, *, body: str, share_id: str | None = None) -> Comment:
        """
        Comments on the dog: a professional with read_comment in their conversation, the owner in the one share_id names.
        """
    def add_to_observation(self, principal: Principal, observation_id: str, *, body: str, share_id: str | None = None) -> Comment:
        """
        Comments on an observation, as add_to_dog.
        """
    def dog_thread(self, principal: Principal, dog_id: str, *, limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None) -> CommentPage:
        """
        The comments on the dog itself, oldest first: pass page.next_cursor as cursor for the next page.
        """
    def mark_read(self, principal: Principal, dog_id: str) -> None:
        """
        Marks every comment on the dog read, as of now.
        """
    def observation_thread(self, principal: Principal, observation_id: str, *, limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None) -> CommentPage:
        """
        The comments on one observation, oldest first.
        """
    def remove(self, principal: Principal, comment_id: str) -> None:
        """
        Deletes one's own comment (anyone else's: NotFound).
        """
    def set_settings(self, principal: Principal, *, notify_comments: bool = True) -> CommentSettings:
        """
        Sets how the caller hears of new comments.
        """
    def settings(self, principal: Principal) -> CommentSettings:
        """
        How the caller hears of new comments.
        """
    def unread_count(self, principal: Principal, dog_id: str) -> int:
        """
        The other side's comments on the dog and its observations since the caller last marked it read.
        """
    def update(self, principal: Principal, comment_id: str, *, body: str | None | UnsetType = ...) -> Comment:
        """
        Changes one's own comment (anyone else's: NotFound).
        """
class AccessLogEntry:
    """
    A professional's read of a dog's data.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('id', 'dog_id', 'professional_id', 'professional_name', 'professional_kind', 'view', 'accessed_at')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, id: str, dog_id: str, professional_id: str | None = None, professional_name: str | None = None, professional_kind: ProfessionalKind | None = None, view: AccessView, accessed_at: datetime.datetime) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def accessed_at(self) -> datetime.datetime:
        """
        When (the first read in 10 minutes).
        """
    @accessed_at.setter
    def accessed_at(self, arg1: datetime.datetime) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The dog read.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The entry's id.
        """
    @id.setter
    def id(self, arg1: str) -> None:
        ...
    @property
    def professional_id(self) -> str | None:
        """
        Who read it; absent once their account is deleted (a former professional).
        """
    @professional_id.setter
    def professional_id(self, arg1: str | None) -> None:
        ...
    @property
    def professional_kind(self) -> ProfessionalKind | None:
        """
        trainer, behaviourist or vet.
        """
    @professional_kind.setter
    def professional_kind(self, arg1: ProfessionalKind | None) -> None:
        ...
    @property
    def professional_name(self) -> str | None:
        """
        Their profile's display name, else their username.
        """
    @professional_name.setter
    def professional_name(self, arg1: str | None) -> None:
        ...
    @property
    def view(self) -> AccessView:
        """
        dog, observations, search, calendar, analytics, export or comments.
        """
    @view.setter
    def view(self, arg1: AccessView) -> None:
        ...
class AccessLogQuery:
    """
    A page of a dog's access log, newest first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('limit', 'cursor')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def cursor(self) -> str | None:
        """
        The next_cursor of the previous page.
        """
    @cursor.setter
    def cursor(self, arg1: str | None) -> None:
        ...
    @property
    def limit(self) -> int:
        """
        Rows per page.
        """
    @limit.setter
    def limit(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class AccessLogPage:
    """
    Who read a dog's data, newest first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('items', 'next_cursor')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, items: collections.abc.Sequence[AccessLogEntry], next_cursor: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def items(self) -> list[AccessLogEntry]:
        """
        The entries.
        """
    @items.setter
    def items(self, arg1: collections.abc.Sequence[AccessLogEntry]) -> None:
        ...
    @property
    def next_cursor(self) -> str | None:
        """
        The next page's cursor; absent on the last page.
        """
    @next_cursor.setter
    def next_cursor(self, arg1: str | None) -> None:
        ...
class AccessLog:
    def __init__(self, database: Database) -> None:
        ...
    def list_for_dog(self, principal: Principal, dog_id: str, *, limit: typing.SupportsInt | typing.SupportsIndex = 50, cursor: str | None = None) -> AccessLogPage:
        """
        Who read the dog's data, newest first; the owner only (anyone else: NotFound).
        """
class ClientAlerts:
    """
    What calls for the professional's attention.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('worsening', 'strong_days', 'no_recent_entry')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, worsening: bool, strong_days: bool, no_recent_entry: bool) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def no_recent_entry(self) -> bool:
        """
        No entry for 14 days or more, or none at all.
        """
    @no_recent_entry.setter
    def no_recent_entry(self, arg1: bool) -> None:
        ...
    @property
    def strong_days(self) -> bool:
        """
        Three days or more with a strong reaction (severity 4 or 5) in the last seven.
        """
    @strong_days.setter
    def strong_days(self, arg1: bool) -> None:
        ...
    @property
    def worsening(self) -> bool:
        """
        The trend is worsening.
        """
    @worsening.setter
    def worsening(self, arg1: bool) -> None:
        ...
class ClientBoardEntry:
    """
    A dog shared with the caller, on their board.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('share_id', 'dog_id', 'dog_name', 'owner_name', 'scope', 'last_entry', 'days_since_last_entry', 'strong_reactions', 'trend', 'strong_days', 'unread_comments', 'alerts', 'attention')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, share_id: str, dog_id: str, dog_name: str, owner_name: str, scope: ShareScope, last_entry: datetime.date | None = None, days_since_last_entry: typing.SupportsInt | typing.SupportsIndex | None = None, strong_reactions: HighIntensityShare, trend: Trend, strong_days: typing.SupportsInt | typing.SupportsIndex, unread_comments: typing.SupportsInt | typing.SupportsIndex, alerts: ClientAlerts, attention: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def alerts(self) -> ClientAlerts:
        """
        The alerts.
        """
    @alerts.setter
    def alerts(self, arg1: ClientAlerts) -> None:
        ...
    @property
    def attention(self) -> int:
        """
        How many alerts are raised.
        """
    @attention.setter
    def attention(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def days_since_last_entry(self) -> int | None:
        """
        Days from the last entry to today; absent without one.
        """
    @days_since_last_entry.setter
    def days_since_last_entry(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def dog_id(self) -> str:
        """
        The shared dog.
        """
    @dog_id.setter
    def dog_id(self, arg1: str) -> None:
        ...
    @property
    def dog_name(self) -> str:
        """
        The dog's name.
        """
    @dog_name.setter
    def dog_name(self, arg1: str) -> None:
        ...
    @property
    def last_entry(self) -> datetime.date | None:
        """
        The latest day with an observation.
        """
    @last_entry.setter
    def last_entry(self, arg1: datetime.date | None) -> None:
        ...
    @property
    def owner_name(self) -> str:
        """
        The owner's display name.
        """
    @owner_name.setter
    def owner_name(self, arg1: str) -> None:
        ...
    @property
    def scope(self) -> ShareScope:
        """
        read, or read_comment (read and comment).
        """
    @scope.setter
    def scope(self, arg1: ShareScope) -> None:
        ...
    @property
    def share_id(self) -> str:
        """
        The caller's grant.
        """
    @share_id.setter
    def share_id(self, arg1: str) -> None:
        ...
    @property
    def strong_days(self) -> int:
        """
        Days with a strong reaction among the last seven.
        """
    @strong_days.setter
    def strong_days(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def strong_reactions(self) -> HighIntensityShare:
        """
        The share of strong reactions this month against the month before.
        """
    @strong_reactions.setter
    def strong_reactions(self, arg1: HighIntensityShare) -> None:
        ...
    @property
    def trend(self) -> Trend:
        """
        The trend over the last 30 days.
        """
    @trend.setter
    def trend(self, arg1: Trend) -> None:
        ...
    @property
    def unread_comments(self) -> int:
        """
        The owner's comments not yet read.
        """
    @unread_comments.setter
    def unread_comments(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class ClientBoardReport:
    """
    Every dog shared with the caller, who needs attention first.
    """
    __fields__: typing.ClassVar[tuple[str, ...]] = ('today', 'clients')
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __init__(self, *, today: datetime.date, clients: collections.abc.Sequence[ClientBoardEntry]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (nested value objects as dicts too), e.g. for pandas.
        """
    @property
    def clients(self) -> list[ClientBoardEntry]:
        """
        Who needs attention first.
        """
    @clients.setter
    def clients(self, arg1: collections.abc.Sequence[ClientBoardEntry]) -> None:
        ...
    @property
    def today(self) -> datetime.date:
        """
        The day the board was computed for.
        """
    @today.setter
    def today(self, arg1: datetime.date) -> None:
        ...
class ClientBoard:
    def __init__(self, database: Database) -> None:
        ...
    def report(self, principal: Principal) -> ClientBoardReport:
        """
        Every dog shared with the caller, who needs attention first.
        """
def band_for(severity: typing.SupportsInt | typing.SupportsIndex) -> SeverityBand:
    """
    The calendar colour of a severity: 1-2 green, 3 orange, 4-5 red.
    """
def fields(record: type) -> list[Field]:
    """
    The fields of a record class, in order, with their limits.
    """
def load_signing_keys(path: str) -> list[tuple[str, str]]:
    """
    Reads a signing-key file (one kid=secret per line, # comments), the one the REST server reads: (kid, secret) pairs in file order; the first signs.
    """
def read_secret_file(path: str) -> str:
    """
    A secret from a file (the *_FILE settings), surrounding blanks trimmed; never logged.
    """
def time_zone_names() -> list[str]:
    """
    Every zone of the tz database, sorted (what a picker offers).
    """
def today(principal: Principal) -> datetime.date:
    """
    The principal's local date now: the last date a record may have.
    """
DEFAULT_PAGE_SIZE: int = 50
DEFAULT_TIME_ZONE: str = 'Europe/Paris'
MAX_PAGE_SIZE: int = 500
MAX_SEVERITY: int = 5
MIN_SEVERITY: int = 1
UNSET: UnsetType
