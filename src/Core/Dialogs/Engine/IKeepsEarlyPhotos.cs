namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// A dialog that keeps photos sent before it asks for them (people in a hurry send the pictures first), so they
/// are not lost: the router hands them over instead of answering "this question needs text".
/// </summary>
public interface IKeepsEarlyPhotos
{
    /// <summary>
    /// True when the photos of this message were kept for later: the stored ones, and the ones the channel could not
    /// store, to be recorded with the activity as if sent at the photo question.
    /// </summary>
    bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<Messaging.IncomingPhoto> photos);

    /// <summary>What to say once the message (or its whole album) is in: the photos that failed and why, then "kept".</summary>
    string EarlyPhotosReply(DialogContext ctx);
}
