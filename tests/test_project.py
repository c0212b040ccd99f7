"""Project-wide promises: migrations, production settings, sitemap, robots."""

import ast
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def run_production_check(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WAGTAIL"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="clinic.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
    "WAGTAILADMIN_BASE_URL": "https://clinic.example",
    "ENQUIRY_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWVucXVpcnkta2V5LTMyLWJ5dGVzISE=",
}


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_secrets_hosts_and_address(missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    result = run_production_check(**env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_refuses_an_admin_address_that_is_not_a_url():
    result = run_production_check(
        **{**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "clinic.example"}
    )
    assert result.returncode != 0
    assert "must be the site's public address" in result.stderr


def test_production_starts_with_secret_hosts_and_address():
    result = run_production_check(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


def test_sitemap_lists_live_pages(client, technique_index):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/treatments/" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_page_is_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "<h1" in response.content.decode()


def production_engines(**env):
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; "
            "print(settings.STORAGES['default']['BACKEND']); "
            "print(settings.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
            **PRODUCTION_ENV,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-2:]  # the shell may print a banner first


def test_production_scales_out_to_redis_and_object_storage_when_configured():
    storage, cache = production_engines(
        REDIS_URL="redis://127.0.0.1:6379/0", AWS_STORAGE_BUCKET_NAME="clinic-media"
    )
    assert storage == "clinic.storage.MediaStorage"  # S3, documents signed
    assert cache == "django.core.cache.backends.redis.RedisCache"


def test_one_production_server_shares_a_file_cache_between_its_workers():
    storage, cache = production_engines()
    assert storage == "django.core.files.storage.FileSystemStorage"
    assert cache == "django.core.cache.backends.filebased.FileBasedCache"


def test_apps_and_middleware_are_each_declared_once():
    """INSTALLED_APPS and MIDDLEWARE are read in one place, in order: no
    settings file grows them further down with +=, insert() or append()."""
    declared = {"INSTALLED_APPS": 0, "MIDDLEWARE": 0}
    for settings_file in (ROOT / "clinic" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(settings_file.read_text())):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AugAssign):
                targets = [node.target]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                targets = [node.func.value]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in declared:
                    declared[target.id] += 1
    assert declared == {"INSTALLED_APPS": 1, "MIDDLEWARE": 1}
