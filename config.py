"""Settings from ``config.toml`` (every key documented in ``config.example.toml``).

The Discord token is never read from a file: it comes from ``DISCORD_TOKEN``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
DEFAULT_CONFIG_PATH = PROJECT_ROOT / "config.toml"
BUNDLED_SOURCES = PROJECT_ROOT / "data" / "sources"
BUNDLED_RECORDS = PROJECT_ROOT / "data" / "records"
# The UN Digital Library's current voting files (records 4060887 and 4055387; a new version of the
# data gets a new file name: set the new addresses in the config).
OFFICIAL_RECORD_URLS = (
    "https://digitallibrary.un.org/record/4060887/files/2026_02_06_ga_voting.csv",
    "https://digitallibrary.un.org/record/4055387/files/2026_02_06_sc_voting.csv",
)


@dataclass(frozen=True)
class Config:
    store_path: Path = PROJECT_ROOT / "rollcall.db"
    moderator_role_ids: tuple[int, ...] = ()
    sync_guild_id: int | None = None
    log_level: str = "INFO"
    sources_path: Path = BUNDLED_SOURCES
    records_path: Path | None = BUNDLED_RECORDS  # official records loaded into a new store; None: none
    shard_count: int | None = None  # set: run sharded (AutoShardedBot)
    shard_ids: tuple[int, ...] | None = None  # the shards this process runs; None: all of them
    record_urls: tuple[str, ...] = OFFICIAL_RECORD_URLS  # what update-records downloads
    records_refresh_hours: float = 0  # how often the running bot updates the records; 0: never
    records_max_mb: int = 1024  # the largest voting file downloaded
    log_channel_id: int | None = None  # where a server's source adds, drops and removals are logged

    @property
    def downloads_path(self) -> Path:
        """Where downloaded voting files are kept: beside the store."""
        return self.store_path.parent / "downloads"

    @property
    def token(self) -> str | None:
        return os.environ.get("DISCORD_TOKEN") or None


def load_config(path: Path | None = None) -> Config:
    """Read the config file if present; defaults otherwise. Relative paths are from the file."""
    path = path or Path(os.environ.get("ROLLCALL_CONFIG", DEFAULT_CONFIG_PATH))
    if not path.is_file():
        return Config()
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    base = path.resolve().parent
    store = raw.get("store", {})
    discord = raw.get("discord", {})
    records = raw.get("records", {})
    moderation = raw.get("moderation", {})
    defaults = Config()
    return Config(
        store_path=base / store["path"] if "path" in store else defaults.store_path,
        sources_path=base / store["sources"] if "sources" in store else defaults.sources_path,
        records_path=(base / store["records"] if store["records"] else None) if "records" in store
        else defaults.records_path,
        moderator_role_ids=tuple(int(r) for r in discord.get("moderator_role_ids", ())),
        sync_guild_id=int(discord["sync_guild_id"]) if discord.get("sync_guild_id") else None,
        log_level=str(raw.get("logging", {}).get("level", defaults.log_level)).upper(),
        shard_count=int(discord["shard_count"]) if discord.get("shard_count") else None,
        shard_ids=tuple(int(s) for s in discord["shard_ids"]) if discord.get("shard_ids") else None,
        record_urls=tuple(records.get("urls", defaults.record_urls)),
        records_refresh_hours=float(records.get("refresh_hours", defaults.records_refresh_hours)),
        records_max_mb=int(records.get("max_download_mb", defaults.records_max_mb)),
        log_channel_id=int(moderation["log_channel_id"]) if moderation.get("log_channel_id") else None,
    )
