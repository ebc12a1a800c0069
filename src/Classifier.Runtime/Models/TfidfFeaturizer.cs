using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace Classifier.Models;

/// <summary>The project's own text featurizer (<c>tfidf</c>): word 1–2-grams and character 2–5-grams (or 3–5, see
/// <see cref="MinCharNgram"/>) inside white-space delimited tokens, sublinear term frequency times smoothed inverse document frequency, L2-normalised per block, over a
/// vocabulary of the n-grams seen in at least <see cref="MinDocumentFrequency"/> training rows.</summary>
/// <remarks>
/// It exists for speed: a topic prediction costs about 70 µs a paragraph with ML.NET's text transforms and about 24 µs
/// with this (20 µs of it featurizing), which is what lets an article be tagged in a few milliseconds. N-grams are kept as 64-bit hashes, not strings (a collision among a few hundred
/// thousand n-grams is about one in 10^9). Inputs are featurized either joined (one vocabulary for all slots: the fields of
/// one record) or separately (one block per slot: a sentence and its context), and each slot's part of the vector depends
/// only on that slot's text, which lets callers reuse the part of a context shared by many rows.
/// </remarks>
internal sealed class TfidfFeaturizer
{
    private const uint Magic = 0x46444654; // "TFDF"

    // Version 2 records the shortest character n-gram; version 1 files always used 2.
    private const int FormatVersion = 2;
    private const int MaxCharNgram = 5;

    /// <summary>The shortest character n-gram when none is given. Leaving out 2-grams (a quarter of all character n-grams)
    /// is faster and scored the same on the corpus test split, but changed the sample article's borderline paragraphs
    /// (docs/training.md), so 2 stays the default.</summary>
    public const int DefaultMinCharNgram = 2;

    /// <summary>The <see cref="MinCharNgram"/> of a featurizer of word n-grams only (the <c>words</c> featurizer), for a
    /// model that must be cheap: no character n-gram is hashed or looked up.</summary>
    public const int NoCharNgrams = 0;

    /// <summary>The featurizer names this class serves: <c>tfidf</c> (words and character 2–5-grams), <c>tfidf3</c> (words and
    /// character 3–5-grams), <c>tfidf3p</c> (the same, the second slot by words only) and <c>words</c>.</summary>
    public static bool Serves(string featurizer) => featurizer is "tfidf" or "tfidf3" or "tfidf3p" or "words";

    /// <summary>The shortest character n-gram of the featurizer named <paramref name="featurizer"/>.</summary>
    public static int MinCharNgramOf(string featurizer) => featurizer switch { "words" => NoCharNgrams, "tfidf3" or "tfidf3p" => 3, _ => DefaultMinCharNgram };

    /// <summary>Whether the featurizer named <paramref name="featurizer"/> reads character n-grams of slot <paramref name="slot"/>
    /// (separate inputs): <c>tfidf3p</c> reads the second slot by words only, the others read every slot whole.</summary>
    /// <remarks>For the Western model, whose second slot is the sentence's paragraph: its characters repeat the sentence's
    /// own, and leaving them out took the 600-word benchmark article from 1.52–2.03 to 1.27–1.38 ms (docs/training.md).</remarks>
    public static bool CharNgramsIn(string featurizer, int slot) => featurizer != "tfidf3p" || slot != 1;

    // One block per (group, kind): group is the slot (separate inputs) or 0 (joined); kind 0 words, 1 characters.
    private readonly Block[] _blocks;

    private TfidfFeaturizer(int slots, bool joinInputs, int minDocumentFrequency, int minCharNgram, Block[] blocks)
    {
        Slots = slots;
        JoinInputs = joinInputs;
        MinDocumentFrequency = minDocumentFrequency;
        MinCharNgram = minCharNgram;
        _blocks = blocks;
        var offset = 0;
        foreach (var block in blocks)
        {
            block.Offset = offset;
            offset += block.Idf.Length;
        }

        Dimension = offset;
    }

    /// <summary>Text slots per row.</summary>
    public int Slots { get; }

    /// <summary>Whether all slots share one vocabulary.</summary>
    public bool JoinInputs { get; }

    /// <summary>The fewest training rows an n-gram must appear in to be kept.</summary>
    public int MinDocumentFrequency { get; }

    /// <summary>The shortest character n-gram counted (the longest is 5), or <see cref="NoCharNgrams"/>.</summary>
    public int MinCharNgram { get; }

    private bool CharNgrams => MinCharNgram != NoCharNgrams;

    /// <summary>The length of a feature vector.</summary>
    public int Dimension { get; }

    /// <summary>Learns the vocabulary and document frequencies from training rows.</summary>
    public static TfidfFeaturizer Fit(IReadOnlyList<IReadOnlyList<string>> rows, int slots, bool joinInputs, int minDocumentFrequency = 1,
        int minCharNgram = DefaultMinCharNgram, Func<int, bool>? charNgramsIn = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (minCharNgram != NoCharNgrams)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(minCharNgram, 2);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(minCharNgram, MaxCharNgram);
        }

        var groups = joinInputs ? 1 : slots;
        var blocks = new Block[groups * 2];
        var seen = new HashSet<ulong>();
        var buffer = new List<ulong>();
        for (var group = 0; group < groups; group++)
        {
            for (var kind = 0; kind < 2; kind++)
            {
                var frequency = new Dictionary<ulong, int>();
                // A slot without character n-grams keeps an empty character block: nothing is hashed for it at prediction time.
                foreach (var row in kind == 1 && !joinInputs && charNgramsIn?.Invoke(group) == false ? [] : rows)
                {
                    seen.Clear();
                    foreach (var slot in SlotsOf(group, joinInputs, slots))
                    {
                        buffer.Clear();
                        Hashes(slot < row.Count ? row[slot] : "", kind, minCharNgram, buffer);
                        seen.UnionWith(buffer);
                    }
                    foreach (var hash in seen)
                        CollectionsMarshal.GetValueRefOrAddDefault(frequency, hash, out _)++;
                }

                // Sorted by hash so that the same rows always give the same indices.
                var kept = frequency.Where(p => p.Value >= minDocumentFrequency).OrderBy(p => p.Key).ToList();
                var idf = kept.Select(p => (float)(Math.Log((1.0 + rows.Count) / (1.0 + p.Value)) + 1)).ToArray();
                blocks[group * 2 + kind] = new Block([.. kept.Select(p => p.Key)], idf);
            }
        }

        return new TfidfFeaturizer(slots, joinInputs, minDocumentFrequency, minCharNgram, blocks);
    }

    /// <summary>The feature vector of one row: distinct indices and their values.</summary>
    public SparseVector Featurize(IReadOnlyList<string> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!JoinInputs)
            return SparseVector.Concat([.. Enumerable.Range(0, Slots).Select(slot => FeaturizeSlot(slot, slot < row.Count ? row[slot] : ""))]);

        var parts = new SparseVector[CharNgrams ? 2 : 1];
        for (var kind = 0; kind < parts.Length; kind++)
            parts[kind] = _blocks[kind].Vector(Enumerable.Range(0, Slots).Select(slot => slot < row.Count ? row[slot] : ""), kind, MinCharNgram);
        return parts.Length == 1 ? parts[0] : SparseVector.Concat(parts);
    }

    /// <summary>The part of the vector that slot <paramref name="slot"/> gives (separate inputs only).</summary>
    public SparseVector FeaturizeSlot(int slot, string text)
    {
        if (JoinInputs)
            throw new InvalidOperationException("joined inputs have no per-slot vectors.");
        var words = _blocks[slot * 2].Vector([text], 0, MinCharNgram);
        return CharNgrams ? SparseVector.Concat([words, _blocks[slot * 2 + 1].Vector([text], 1, MinCharNgram)]) : words;
    }

    /// <summary>Writes the vocabulary and document frequencies.</summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Slots);
        writer.Write(JoinInputs);
        writer.Write(MinDocumentFrequency);
        writer.Write(MinCharNgram);
        writer.Write(_blocks.Length);
        foreach (var block in _blocks)
        {
            writer.Write(block.Idf.Length);
            for (var i = 0; i < block.Idf.Length; i++)
            {
                writer.Write(block.Keys[i]);
                writer.Write(block.Idf[i]);
            }
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The data is not a featurizer of this format.</exception>
    public static TfidfFeaturizer Read(Stream stream, string source)
    {
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic)
                throw new InvalidDataException($"{source}: not a tf-idf featurizer.");
            var version = reader.ReadInt32();
            if (version is < 1 or > FormatVersion)
                throw new InvalidDataException($"{source}: tf-idf featurizer format {version}; this library reads 1 to {FormatVersion}.");
            var slots = reader.ReadInt32();
            var join = reader.ReadBoolean();
            var minDf = reader.ReadInt32();
            var minChar = version >= 2 ? reader.ReadInt32() : 2;
            if (minChar != NoCharNgrams && minChar is < 2 or > MaxCharNgram)
                throw new InvalidDataException($"{source}: character n-grams from {minChar} to {MaxCharNgram} make no sense; the file is corrupt.");
            var count = reader.ReadInt32();
            if (slots is < 1 or > TextModelInput.MaxSlots || count != (join ? 2 : slots * 2))
                throw new InvalidDataException($"{source}: {slots} slots and {count} blocks do not fit together.");
            var blocks = new Block[count];
            for (var b = 0; b < count; b++)
            {
                var size = reader.ReadInt32();
                if (size < 0 || size > stream.Length / 12)
                    throw new InvalidDataException($"{source}: the tf-idf featurizer is truncated or corrupt (block {b} claims {size} n-grams, more than the file holds).");
                var keys = new ulong[size];
                var idf = new float[size];
                for (var i = 0; i < size; i++)
                {
                    keys[i] = reader.ReadUInt64();
                    idf[i] = reader.ReadSingle();
                }

                blocks[b] = new Block(keys, idf);
            }

            return new TfidfFeaturizer(slots, join, minDf, minChar, blocks);
        }
        catch (EndOfStreamException error)
        {
            throw new InvalidDataException($"{source}: the tf-idf featurizer is truncated.", error);
        }
    }

    private static IEnumerable<int> SlotsOf(int group, bool joinInputs, int slots) =>
        joinInputs ? Enumerable.Range(0, slots) : [group];

    /// <summary>Adds the hash of every n-gram of <paramref name="kind"/> in the text to <paramref name="hashes"/>, repeats included.</summary>
    private static void Hashes(string text, int kind, int minCharNgram, List<ulong> hashes)
    {
        if (kind == 1 && minCharNgram == NoCharNgrams)
            return;

        var lower = text.ToLowerInvariant();
        ulong previous = 0;
        var hasPrevious = false;
        var i = 0;
        while (i < lower.Length)
        {
            if (!InWord(lower[i], kind))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < lower.Length && InWord(lower[i], kind))
                i++;
            var word = lower.AsSpan(start, i - start);
            if (kind == 0)
            {
                var hash = Fnv(Fnv(Seed.Word, word), '\u0000');
                hashes.Add(hash);
                if (hasPrevious)
                    hashes.Add(Fnv(Fnv(previous ^ Seed.Bigram, '\u0001'), word));
                (previous, hasPrevious) = (hash, true);
            }
            else
            {
                // Character n-grams of the token padded with a space on each side, as "char_wb" analysers do.
                var length = word.Length + 2;
                for (var s = 0; s < length - 1; s++)
                {
                    var hash = Seed.Char;
                    for (var n = 1; n <= MaxCharNgram && s + n <= length; n++)
                    {
                        var at = s + n - 1;
                        hash = Fnv(hash, at == 0 || at == length - 1 ? ' ' : word[at - 1]);
                        if (n >= minCharNgram)
                            hashes.Add(hash ^ (ulong)n);
                    }
                }
            }
        }
    }

    // Words are runs of letters and digits; character n-grams come from runs of anything but white space, so that
    // punctuation inside and around a word ("u.s.", "(reuters)") is seen.
    private static bool InWord(char c, int kind) => kind == 0 ? char.IsLetterOrDigit(c) : !char.IsWhiteSpace(c);

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            hash = Fnv(hash, c);
        return hash;
    }

    private static ulong Fnv(ulong hash, char c) => (hash ^ c) * 0x100000001B3UL;

    private static class Seed
    {
        public const ulong Word = 0xCBF29CE484222325UL;
        public const ulong Bigram = 0x9E3779B97F4A7C15UL;
        public const ulong Char = 0x84222325CBF29CE4UL;
    }

    /// <summary>One vocabulary: n-gram hashes and their inverse document frequencies, with an open-addressing table from
    /// hash to index (one memory access per lookup, where a dictionary takes two).</summary>
    private sealed class Block
    {
        [ThreadStatic]
        private static List<ulong>? t_hashes;

        [ThreadStatic]
        private static Counter? t_counter;

        private readonly Entry[] _slots;
        private readonly int _shift;

        public Block(ulong[] keys, float[] idf)
        {
            Keys = keys;
            Idf = idf;
            var capacity = 16;
            while (capacity < keys.Length * 2)
                capacity *= 2;
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
            _slots = new Entry[capacity];
            for (var i = 0; i < keys.Length; i++)
            {
                var at = Slot(keys[i]);
                while (_slots[at].Key != 0)
                    at = (at + 1) & (capacity - 1);
                _slots[at] = new Entry(Stored(keys[i]), i, idf[i]);
            }
        }

        public ulong[] Keys { get; }

        public float[] Idf { get; }

        public int Offset { get; set; }

        /// <summary>The block's normalised tf-idf vector of some texts counted together, its n-grams in the order first seen.</summary>
        public SparseVector Vector(IEnumerable<string> texts, int kind, int minCharNgram)
        {
            // An empty vocabulary (a slot read without character n-grams) needs no hashing.
            if (Keys.Length == 0)
                return SparseVector.Empty;

            // Scratch space per thread: featurizing is the hot path of tagging, and these would be most of its garbage.
            var hashes = t_hashes ??= new List<ulong>(1024);
            hashes.Clear();
            foreach (var text in texts)
                Hashes(text, kind, minCharNgram, hashes);

            // Repeats are counted in a small table keyed by vocabulary slot, not found by sorting: sorting the n-grams
            // of each text was most of the featurizer's time.
            var counter = t_counter ??= new Counter();
            counter.Reset(hashes.Count);
            foreach (var hash in hashes)
            {
                var at = Find(hash);
                if (at >= 0)
                    counter.Add(at);
            }

            var distinct = counter.Count;
            if (distinct == 0)
                return SparseVector.Empty;

            var indices = new int[distinct];
            var values = new float[distinct];
            double norm = 0;
            for (var i = 0; i < distinct; i++)
            {
                var entry = _slots[counter.Seen[i]];
                var count = counter.Counts[i];
                var value = count == 1 ? entry.Idf : (float)((1 + Math.Log(count)) * entry.Idf);
                indices[i] = Offset + entry.Index;
                values[i] = value;
                norm += value * value;
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < values.Length; k++)
                values[k] *= scale;
            return new SparseVector(indices, values);
        }

        /// <summary>The table slot of <paramref name="hash"/>, or -1 when the n-gram is not in the vocabulary.</summary>
        private int Find(ulong hash)
        {
            var stored = Stored(hash);
            var mask = _slots.Length - 1;
            for (var at = Slot(hash); ; at = (at + 1) & mask)
            {
                var key = _slots[at].Key;
                if (key == stored)
                    return at;
                if (key == 0)
                    return -1;
            }
        }

        // Fibonacci hashing spreads the FNV hashes' low bits; zero marks an empty slot, so a zero hash is stored as one.
        private int Slot(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

        private static ulong Stored(ulong hash) => hash == 0 ? 1 : hash;

        // The idf sits beside the index: one cache line per n-gram looked up.
        private readonly record struct Entry(ulong Key, int Index, float Idf);

        /// <summary>Counts of distinct table slots, in the order first seen: an open-addressing set small enough to stay in
        /// the first-level cache for one text.</summary>
        private sealed class Counter
        {
            private int[] _table = new int[1024];
            private int _mask;

            public int[] Seen { get; private set; } = new int[512];

            public int[] Counts { get; private set; } = new int[512];

            public int Count { get; private set; }

            public void Reset(int capacity)
            {
                var size = 64;
                while (size < capacity * 2)
                    size *= 2;
                if (_table.Length < size)
                    _table = new int[size];
                if (Seen.Length < capacity)
                    (Seen, Counts) = (new int[capacity], new int[capacity]);
                Array.Clear(_table, 0, size);
                _mask = size - 1;
                Count = 0;
            }

            public void Add(int slot)
            {
                // The table holds a position in Seen plus one; zero is empty.
                for (var at = (int)((uint)slot * 0x9E3779B1u) & _mask; ; at = (at + 1) & _mask)
                {
                    var position = _table[at] - 1;
                    if (position < 0)
                    {
                        _table[at] = Count + 1;
                        Seen[Count] = slot;
                        Counts[Count++] = 1;
                        return;
                    }

                    if (Seen[position] == slot)
                    {
                        Counts[position]++;
                        return;
                    }
                }
            }
        }
    }
}

/// <summary>A sparse vector: distinct indices, in any order, and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>The vector as ML.NET holds it, indices ascending (a featurizer gives them in the order first seen).</summary>
    public VBuffer<float> ToVBuffer(int length)
    {
        var indices = (int[])Indices.Clone();
        var values = (float[])Values.Clone();
        Array.Sort(indices, values);
        return new(length, indices.Length, values, indices);
    }

    /// <summary>Joins parts whose index ranges follow one another.</summary>
    public static SparseVector Concat(IReadOnlyList<SparseVector> parts)
    {
        var count = parts.Sum(p => p.Indices.Length);
        var indices = new int[count];
        var values = new float[count];
        var at = 0;
        foreach (var part in parts)
        {
            part.Indices.CopyTo(indices, at);
            part.Values.CopyTo(values, at);
            at += part.Indices.Length;
        }

        return new SparseVector(indices, values);
    }
}
