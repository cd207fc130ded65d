/**
 * A writer of ROOT files in the layout Delphes 3 gives its output ({@link
 * io.dltrigger.generator.rootio.DelphesRootWriter}), written from the ROOT file format itself: no ROOT, no
 * native code. Readers no one here wrote (JSROOT, Laurelin) read the files; the tests check JSROOT's figures
 * branch by branch.
 *
 * <h2>What a file holds</h2>
 * <ul>
 *   <li>Header, top directory and its key list, small-file format (32-bit positions; files are refused past
 *       2 GB); a StreamerInfo record; a free-segment record. Baskets have 64-bit keys, as ROOT 6 writes them.
 *   <li>Tree {@code Delphes} ("Analysis tree"), TTree version 20. Top-level branches in this order:
 *       {@code Event}, {@code Event_size}, then per collection {@code X} and {@code X_size}.
 *   <li>{@code X}: a TBranchElement (version 10) for a split TClonesArray (fType 3, fClassName TClonesArray,
 *       fClonesName the Delphes class, split level 99, leaf {@code X_} of type TLeafElement). Its entries
 *       hold the object count (Int_t) with an entry offset table, as ROOT writes them.
 *   <li>{@code X.M}: one TBranchElement per member (fType 31, title {@code M[X_]}, fBranchCount {@code X},
 *       leaf {@code X.M} counted by {@code X_}); entries hold the member's values for the entry's objects,
 *       big-endian, with an entry offset table. Float_t, Int_t, or UInt_t for Jet.BTag.
 *   <li>{@code X_size}: a plain TBranch {@code X_size/I} with a TLeafI (Delphes writes these too).
 *   <li>{@code Event.Number}: Long64_t, the event's number.
 *   <li>Classes: Electron, Muon (for MuonTight), Jet, MissingET, Track (EFlowTrack), Tower (EFlowPhoton,
 *       EFlowNeutralHadron), each holding only the members of {@link io.dltrigger.generator.event.DelphesLayout};
 *       SortableObject and Event as Delphes defines them. Checksums are computed as ROOT computes them.
 * </ul>
 *
 * <h2>Where we differ from Delphes' own files</h2>
 * <ul>
 *   <li>Only the members the pipeline reads; no {@code X.fUniqueID} / {@code X.fBits} sub-branches, no
 *       references (TRef, TRefArray), no ProcessID key. Our reduced classes carry version 100 (see
 *       {@link io.dltrigger.generator.rootio.DelphesClasses#REDUCED_CLASS_VERSION}).
 *   <li>Float baskets are deflated Huffman-only (see {@link io.dltrigger.generator.rootio.ZlibBlocks}); the
 *       streams are ordinary zlib.
 *   <li>Clusters are fixed entry counts (fAutoFlush &gt; 0) rather than ROOT's default of 30 MB.
 * </ul>
 */
package io.dltrigger.generator.rootio;
