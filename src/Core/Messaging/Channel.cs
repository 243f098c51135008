namespace YouthMonth.Core.Messaging;

/// <summary>Chat platforms. Stored by name ("telegram", "zalo", "local").</summary>
public enum Channel { Telegram, Zalo, Local }

public enum ChatType { Private, Group }
