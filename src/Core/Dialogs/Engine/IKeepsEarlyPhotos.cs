namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// A dialog that keeps photos sent before it asks for them (people in a hurry send the pictures first), so they
/// are not lost: the router hands them over instead of answering "this question needs text".
/// </summary>
public interface IKeepsEarlyPhotos
{
    /// <summary>True when the photos were kept for later.</summary>
    bool KeepEarlyPhotos(DialogContext ctx, IReadOnlyList<int> photoIds);
}
