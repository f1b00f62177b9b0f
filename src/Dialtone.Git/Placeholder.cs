namespace Dialtone.Git;
internal static class Placeholder;
