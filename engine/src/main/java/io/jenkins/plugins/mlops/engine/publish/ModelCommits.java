package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.source.Committer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes the model commit and its tag straight into the object database: the parent's tree with the model files
 * laid over it. No index or work tree is touched, so the user's checkout stays exactly as it was.
 */
final class ModelCommits {

    private ModelCommits() {
    }

    /** A commit of {@code files} on top of {@code parent} ({@code null}: a first commit holding only the files). */
    static ObjectId commit(final Repository repository, final ObjectId parent, final List<StagedFiles.Staged> files,
            final String message, final Committer committer) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter();
                ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            DirCache tree = DirCache.newInCore();
            if (parent != null) {
                DirCacheBuilder builder = tree.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, walk.parseCommit(parent).getTree());
                builder.finish();
            }
            DirCacheEditor editor = tree.editor();
            for (StagedFiles.Staged file : files) {
                ObjectId blob;
                try (InputStream in = file.open()) {
                    blob = inserter.insert(Constants.OBJ_BLOB, file.size(), in);
                }
                editor.add(new DirCacheEditor.PathEdit(file.path()) {
                    @Override
                    public void apply(final DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                        entry.setLength(file.size());
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent now = committer.ident();
            commit.setAuthor(now);
            commit.setCommitter(now);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** An annotated tag {@code name} on {@code commit}. */
    static ObjectId tag(final Repository repository, final ObjectId commit, final String name, final String message,
            final Committer committer) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(commit, Constants.OBJ_COMMIT);
            tag.setTag(name);
            tag.setTagger(committer.ident());
            tag.setMessage(message);
            ObjectId id = inserter.insert(tag);
            inserter.flush();
            return id;
        }
    }
}
