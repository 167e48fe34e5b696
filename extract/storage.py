"""Locations that are not local paths: fsspec URLs (s3://, gs://, az://, https://, memory://...).

Only the main process of a run reads input and writes output (workers only compute), so only it
needs fsspec and the backend of the URL's protocol (s3fs, gcsfs, adlfs, aiohttp...), which users
install themselves. Local paths and ``file://`` URLs stay ``pathlib.Path``: the local code paths
are unchanged. ``RemotePath`` offers the small part of the ``Path`` API the runner, the readers
and the writers use. See docs/scaling.md ("Object storage").
"""

from __future__ import annotations

import contextlib
import fnmatch
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

GLOB_CHARS = "*?["
# Content fingerprints that object stores return with an object's metadata, best first:
# S3/Azure/HTTP ETag, GCS MD5 and CRC32C. Without one, fsspec's checksum() (a hash of the whole
# metadata: size, modification time...) still changes when the object changes.
CHECKSUM_KEYS = ("ETag", "etag", "md5Hash", "crc32c")

T = TypeVar("T")
_MADE_FOLDERS: set[tuple[int, str]] = set()  # (filesystem, folder) made by RemotePath.mkdir


class StorageError(RuntimeError):
    """A URL cannot be used: unknown protocol or missing backend package; the message says
    what to install."""


def is_url(item: object) -> bool:
    return isinstance(item, str) and "://" in item


def has_glob(text: str) -> bool:
    return any(char in text for char in GLOB_CHARS)


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path inside it."""
    import fsspec

    protocol = url.split("://", 1)[0]
    try:
        return fsspec.core.url_to_fs(url)
    except ImportError as error:
        missing = getattr(error.__cause__, "name", None)
        install = f"pip install {missing}" if missing else str(error)
        raise StorageError(
            f"{protocol}:// URLs need the {missing or 'backend'} package, which is not installed: "
            f"{install} ({error})"
        ) from error
    except ValueError as error:
        raise StorageError(f"cannot use {url}: {error}") from error


def as_path(item: str | Path | RemotePath) -> Path | RemotePath:
    """A local ``Path`` for local paths and ``file://`` URLs, a ``RemotePath`` for other URLs."""
    if isinstance(item, (Path, RemotePath)):
        return item
    if not is_url(item):
        return Path(item)
    fs, path = filesystem(item)
    if _is_local(fs):
        return Path(path)
    return RemotePath(fs, path, item)


def _is_local(fs: Any) -> bool:
    from fsspec.implementations.local import LocalFileSystem

    return isinstance(fs, LocalFileSystem)


def _trim(text: str) -> str:
    while text.endswith("/") and not text.endswith("://") and len(text) > 1:
        text = text[:-1]
    return text


def _glob_root(text: str) -> str:
    """The fixed folder part of a glob: ``s3://b/news/*.jsonl`` -> ``s3://b/news``."""
    first = min(text.find(char) for char in GLOB_CHARS if char in text)
    return text[:first].rsplit("/", 1)[0]


def _storage_call(url: str, call: Callable[[], T]) -> T:
    """``call()`` with backend failures as OSError (missing objects, permissions and network
    errors then take the same paths as local I/O errors: error rows, clear messages)."""
    try:
        return call()
    except OSError:
        raise
    except Exception as error:
        raise OSError(f"{url}: {type(error).__name__}: {error}") from error


class RemotePath:
    """A file or folder (a key prefix on object stores) behind an fsspec URL."""

    __slots__ = ("_info", "fs", "path", "url")

    def __init__(self, fs: Any, path: str, url: str, info: dict[str, Any] | None = None) -> None:
        self.fs = fs
        self.path = _trim(path)
        self.url = _trim(url)
        self._info = info

    # -- names ----------------------------------------------------------------------------------
    def __truediv__(self, name: str) -> RemotePath:
        return RemotePath(self.fs, f"{self.path}/{name}", f"{self.url}/{name}")

    def __str__(self) -> str:
        return self.url

    def __repr__(self) -> str:
        return f"RemotePath({self.url!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RemotePath) and other.url == self.url

    def __hash__(self) -> int:
        return hash(self.url)

    def __lt__(self, other: RemotePath) -> bool:
        return self.url < other.url

    @property
    def protocol(self) -> str:
        return self.url.split("://", 1)[0].rsplit("::", 1)[-1]

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[-1]

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix

    @property
    def suffixes(self) -> list[str]:
        return PurePosixPath(self.name).suffixes

    @property
    def parent(self) -> RemotePath:
        return RemotePath(self.fs, self.path.rsplit("/", 1)[0], self.url.rsplit("/", 1)[0])

    def with_name(self, name: str) -> RemotePath:
        return self.parent / name

    def fixed_root(self) -> RemotePath:
        """The folder part of a glob URL (``s3://b/news/*.jsonl`` -> ``s3://b/news``), else self."""
        if not has_glob(self.path):
            return self
        return RemotePath(self.fs, _glob_root(self.path), _glob_root(self.url))

    def contains(self, other: RemotePath) -> bool:
        """Whether ``other`` is this location or lies under it (same filesystem)."""
        return type(other.fs) is type(self.fs) and self.contains_path(other.path)

    def contains_path(self, path: str) -> bool:
        return path == self.path or path.startswith(self.path + "/")

    # -- metadata -------------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        if self._info is None:
            self._info = _storage_call(self.url, lambda: self.fs.info(self.path))
        return self._info

    def exists(self) -> bool:
        if self._info is not None:
            return True
        return bool(_storage_call(self.url, lambda: self.fs.exists(self.path)))

    def is_dir(self) -> bool:
        if self._info is not None:
            return self._info.get("type") == "directory"
        return bool(_storage_call(self.url, lambda: self.fs.isdir(self.path)))

    def is_file(self) -> bool:
        if self._info is not None:
            return self._info.get("type") == "file"
        return bool(_storage_call(self.url, lambda: self.fs.isfile(self.path)))

    def size(self) -> int | None:
        size = self.info().get("size")
        return int(size) if size is not None else None

    def checksum(self) -> str:
        """A fingerprint of the object's content from its metadata, without reading it."""
        info = self.info()
        for key in CHECKSUM_KEYS:
            if info.get(key):
                return f"{key}:{str(info[key]).strip(chr(34))}"
        return f"fsspec:{_storage_call(self.url, lambda: self.fs.checksum(self.path))}"

    # -- listing --------------------------------------------------------------------------------
    def _child(self, info: dict[str, Any]) -> RemotePath:
        name = _trim(info["name"]).rsplit("/", 1)[-1]
        return RemotePath(self.fs, f"{self.path}/{name}", f"{self.url}/{name}", info)

    def iterdir(self) -> Iterator[RemotePath]:
        try:
            entries = _storage_call(self.url, lambda: self.fs.ls(self.path, detail=True))
        except FileNotFoundError:
            return iter(())
        own = self.fs._strip_protocol(self.path).rstrip("/")
        return iter(
            [self._child(info) for info in entries if _trim(info["name"]).rstrip("/") != own]
        )

    def glob(self, pattern: str) -> Iterator[RemotePath]:
        """Direct children whose name matches ``pattern``."""
        return (child for child in self.iterdir() if fnmatch.fnmatchcase(child.name, pattern))

    def is_listing(self) -> bool:
        """Whether this input URL names several files: a glob, or a folder (a key prefix).
        HTTP URLs always name one file (listing one would download it)."""
        if self.protocol in ("http", "https"):
            return False
        if has_glob(self.path):
            return True
        try:
            return self.is_dir()
        except OSError:
            return False  # reading it then gives the error row

    def walk_files(self) -> list[tuple[tuple[str, ...], RemotePath]]:
        """Every file under this folder (or matching this glob URL), with its path relative to
        the folder (the glob's fixed part), sorted as a local folder walk sorts."""
        if has_glob(self.path):
            root_path, root_url = _glob_root(self.path), _glob_root(self.url)
            found = _storage_call(self.url, lambda: self.fs.glob(self.path, detail=True))
        else:
            root_path, root_url = self.path, self.url
            found = _storage_call(self.url, lambda: self.fs.find(self.path, detail=True))
        root = _trim(self.fs._strip_protocol(root_path))
        files = []
        for name, info in found.items():
            if info.get("type", "file") != "file":
                continue
            stripped = _trim(name)
            relative = stripped[len(root) + 1 :] if stripped.startswith(root + "/") else stripped
            child = RemotePath(self.fs, f"{root_path}/{relative}", f"{root_url}/{relative}", info)
            files.append((tuple(relative.split("/")), child))
        return sorted(files, key=lambda item: item[0])

    # -- reading and writing --------------------------------------------------------------------
    def open_binary(self, *, gzip: bool = False) -> Any:
        compression = "gzip" if gzip else None
        return _storage_call(
            self.url, lambda: self.fs.open(self.path, "rb", compression=compression)
        )

    def read_bytes(self) -> bytes:
        return bytes(_storage_call(self.url, lambda: self.fs.cat_file(self.path)))

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def upload(self, local: Path) -> None:
        """Copy a local file to this location: one upload, which object stores make visible
        whole or not at all."""
        _storage_call(self.url, lambda: self.fs.put_file(str(local), self.path))
        self._info = None

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """A folder where the filesystem has folders (object stores: nothing to do, but s3fs
        still checks the bucket: done once per folder, not once per part)."""
        key = (id(self.fs), self.path)
        if key not in _MADE_FOLDERS:
            _storage_call(self.url, lambda: self.fs.makedirs(self.path, exist_ok=True))
            _MADE_FOLDERS.add(key)

    def unlink(self, missing_ok: bool = False) -> None:
        try:
            _storage_call(self.url, lambda: self.fs.rm_file(self.path))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmtree(self) -> None:
        fs_id = id(self.fs)
        _MADE_FOLDERS.difference_update(
            key for key in list(_MADE_FOLDERS) if key[0] == fs_id and self.contains_path(key[1])
        )
        with contextlib.suppress(FileNotFoundError):
            _storage_call(self.url, lambda: self.fs.rm(self.path, recursive=True))


def input_problem(source: RemotePath) -> str | None:
    """Why an input URL gives nothing to read (missing, no match, no permission), or None."""
    try:
        if has_glob(source.path) and source.protocol not in ("http", "https"):
            found = bool(_storage_call(source.url, lambda: source.fs.glob(source.path)))
        else:
            found = source.exists()
    except PermissionError:
        return f"permission denied: cannot read {source}"
    except OSError as error:
        return f"cannot read {source}: {error.strerror or error}"
    return None if found else f"input not found: {source}"


AnyPath = Path | RemotePath

__all__ = [
    "AnyPath",
    "RemotePath",
    "StorageError",
    "as_path",
    "filesystem",
    "has_glob",
    "input_problem",
    "is_url",
]
