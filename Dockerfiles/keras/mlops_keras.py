"""Keras 3 help for training code in the mlops/keras image, loaded at interpreter start by mlops_keras.pth.

1. keras.datasets offline: Keras looks for a dataset's files in ~/.keras/datasets and downloads them when they are
   missing. The trainer mounts the operator's Keras dataset cache read-only at $MLOPS_KERAS_DATASETS_DIR (same layout
   as ~/.keras/datasets); before Keras looks, the files it asks for are linked from there into its (writable) cache,
   so archives still extract into the tmpfs. When a file is in neither place and cannot be downloaded (training has
   no network), the error names the dataset, the file and the cache, not a socket error from inside Keras.
2. Keras 2 code on Keras 3: importing a module Keras 3 removed fails with the replacement in the message, and any
   failure that keras3-removed.tsv knows (a removed module, name, method or argument) ends with one line naming the
   file, the line and the replacement.

Nothing heavy is imported here: the hooks act only when Keras itself is imported or a script fails.
"""
import importlib.abc
import importlib.machinery
import os
import re
import sys

CACHE = os.environ.get("MLOPS_KERAS_DATASETS_DIR", "/mlops/keras-datasets")
SOURCE = os.environ.get("MLOPS_KERAS_DATASETS_SOURCE", "")
TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras3-removed.tsv")
FILE_UTILS = "keras.src.utils.file_utils"
_removed = []


class KerasDatasetMissing(FileNotFoundError):
    """A file a Keras dataset needs is not in the dataset cache and cannot be downloaded."""


def removed():
    """The rows of keras3-removed.tsv: (kind, removed name, replacement)."""
    if not _removed:
        with open(TABLE, encoding="utf-8") as table:
            for line in table:
                if line.strip() and not line.startswith("#"):
                    kind, name, replacement = line.rstrip("\n").split("\t")[:3]
                    _removed.append((kind, name, replacement))
    return _removed


def removed_name(qualified):
    """The row of a qualified name Keras 3 removed (tensorflow.keras.x counts as keras.x), or None."""
    name = qualified[len("tensorflow."):] if qualified.startswith("tensorflow.keras") else qualified
    for row in removed():
        if row[0] == "name" and (name == row[1] or name.startswith(row[1] + ".")):
            return row
    return None


def _cache_where():
    if SOURCE:
        return "%s (mounted at %s)" % (SOURCE, CACHE)
    return CACHE + " (no cache is mounted: set MLOPS_KERAS_DATASETS where mlops runs)"


def _dataset():
    """The keras.datasets module that asked for the file, if one did."""
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("keras.src.datasets."):
            return "keras.datasets." + module.rsplit(".", 1)[1]
        frame = frame.f_back
    return None


def _link_from_cache(fname, origin, cache_subdir, extract, cache_dir):
    """Links the files get_file will look for from the read-only cache into Keras' own cache folder."""
    if os.path.isabs(cache_subdir) or not os.path.isdir(CACHE):
        return None
    from keras.src.backend import config
    base = os.path.expanduser(cache_dir or config.keras_home())
    if not os.access(base, os.W_OK):
        base = os.path.join("/tmp", ".keras")
    # The cache is laid out like ~/.keras/datasets: "datasets/fashion-mnist" is its folder "fashion-mnist".
    parts = os.path.normpath(cache_subdir).split(os.sep)
    source = os.path.join(CACHE, os.sep.join(parts[1:]) if parts[0] == "datasets" else cache_subdir)
    target = os.path.join(base, cache_subdir)
    name = os.fspath(fname) if fname else os.path.basename(origin.split("?")[0])
    stem = name[:name.find(".")] if "." in name else name
    for candidate in {name, name + "_archive"}:
        cached = os.path.join(source, candidate)
        if os.path.isfile(cached) and not os.path.lexists(os.path.join(target, candidate)):
            os.makedirs(target, exist_ok=True)
            os.symlink(cached, os.path.join(target, candidate))
    # An archive someone extracted into the cache themselves serves as it is.
    extracted = [os.path.join(source, d) for d in (stem + "_extracted", stem) if extract]
    archives = [os.path.join(source, c) for c in (name, name + "_archive")]
    if any(os.path.isdir(d) for d in extracted) and not any(os.path.isfile(a) for a in archives):
        return next(d for d in extracted if os.path.isdir(d))
    return None


def _patch(file_utils):
    original_get_file = file_utils.get_file
    original_urlretrieve = file_utils.urlretrieve

    def get_file(fname=None, origin=None, untar=False, md5_hash=None, file_hash=None, cache_subdir="datasets",
                 hash_algorithm="auto", extract=False, archive_format="auto", cache_dir=None,
                 force_download=False):
        if origin is not None:
            ready = _link_from_cache(fname, origin, cache_subdir, extract or untar, cache_dir)
            if ready is not None:
                return ready
        return original_get_file(fname=fname, origin=origin, untar=untar, md5_hash=md5_hash,
                                 file_hash=file_hash, cache_subdir=cache_subdir, hash_algorithm=hash_algorithm,
                                 extract=extract, archive_format=archive_format, cache_dir=cache_dir,
                                 force_download=force_download)

    def urlretrieve(url, filename, reporthook=None, data=None):
        try:
            return original_urlretrieve(url, filename, reporthook, data)
        except OSError as error:
            dataset = _dataset()
            raise KerasDatasetMissing(
                "%s needs %s, which is not in the Keras dataset cache %s, and it cannot be downloaded here (%s: %s). "
                "Training has no network: add the file to the cache (layout and how: doc/keras-datasets.md)."
                % ("The Keras dataset " + dataset if dataset else "The script", os.path.basename(filename),
                   _cache_where(), url, getattr(error, "reason", error))) from None

    get_file.__doc__ = original_get_file.__doc__
    file_utils.get_file = get_file
    file_utils.urlretrieve = urlretrieve


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        _patch(module)


class _FileUtilsFinder(importlib.abc.MetaPathFinder):
    """Patches Keras' get_file as its module loads, before keras.datasets binds it."""

    def find_spec(self, name, path, target=None):
        if name != FILE_UTILS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader)
        return spec


class _RemovedModuleFinder(importlib.abc.MetaPathFinder):
    """Asked last: a module nobody found that Keras 3 removed fails with its replacement."""

    def find_spec(self, name, path, target=None):
        if not (name.startswith("keras.") or name.startswith("tensorflow.keras.")):
            return None
        row = removed_name(name)
        if row is None:
            return None
        raise ModuleNotFoundError("No module named '%s': %s was removed in Keras 3; use %s" % (name, row[1], row[2]),
                                  name=name)


def _where(traceback):
    """file line of the innermost frame in the training code (the working directory), or None."""
    found = None
    root = os.getcwd() + os.sep
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if os.path.abspath(filename).startswith(root):
            found = "%s line %d" % (os.path.relpath(filename), traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


def hint(error):
    """What Keras 3 removed that this error is about: (removed, replacement), or None."""
    message = str(error)
    if isinstance(error, ModuleNotFoundError):
        row = removed_name(getattr(error, "name", None) or "")
        return (row[1], row[2]) if row else None
    if isinstance(error, ImportError):
        match = re.search(r"cannot import name '(\w+)' from '([\w.]+)'", message)
        if match:
            row = removed_name(match.group(2) + "." + match.group(1))
            return (row[1], row[2]) if row else None
    if isinstance(error, AttributeError):
        name = getattr(error, "name", None)
        owner = getattr(error, "obj", None)
        if name and hasattr(owner, "__name__") and type(owner).__name__ == "module":
            row = removed_name(owner.__name__ + "." + name)
            if row:
                return row[1], row[2]
        for kind, removed_, replacement in removed():
            if kind == "method" and name == removed_:
                return "Model." + removed_ + "()", replacement
    if isinstance(error, (TypeError, ValueError)):
        for kind, removed_, replacement in removed():
            if kind == "argument" and re.search(r"['\"]%s['\"]" % re.escape(removed_), message) and (
                    "not recognized" in message or "unexpected keyword" in message):
                return "the argument " + removed_ + "=", replacement
    return None


def _excepthook(kind, error, traceback, previous=sys.excepthook):
    previous(kind, error, traceback)
    try:
        found = hint(error)
    except Exception:  # the hint is a courtesy; the traceback above is what counts
        found = None
    if found:
        where = _where(traceback) or "the training script"
        sys.stderr.write("mlops: %s uses %s, which Keras 3 removed: use %s\n" % (where, found[0], found[1]))


sys.meta_path.insert(0, _FileUtilsFinder())
sys.meta_path.append(_RemovedModuleFinder())
sys.excepthook = _excepthook
