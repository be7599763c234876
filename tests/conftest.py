"""Fixtures shared by the test modules."""

from __future__ import annotations

import discord
import pytest

from config import BUNDLED_RECORDS
from sources.ingest import build_store
from sources.worker import worker_process


@pytest.fixture(scope="session")
def store_worker():
    """One store-writer worker process for every test bot: starting one costs seconds."""
    executor = worker_process()
    yield executor
    executor.shutdown()


@pytest.fixture(scope="module")
def recorded_store(tmp_path_factory):
    """A store with the bundled article and the official records Rollcall ships, built once per
    test module (about 10 s)."""
    path = tmp_path_factory.mktemp("recorded") / "rollcall.db"
    build_store(path, records=BUNDLED_RECORDS)
    return path


@pytest.fixture
async def world(simcord_env):
    """A synced bot in one server with a channel, a member and a moderator."""
    await simcord_env.bot.sync_commands()
    guild = simcord_env.create_guild("Model UN")
    channel = guild.create_text_channel("general")
    member = guild.add_member(simcord_env.create_user("delegate"))
    mods = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
    moderator = guild.add_member(simcord_env.create_user("chair"), roles=[mods])
    return simcord_env, guild, channel, member, moderator
