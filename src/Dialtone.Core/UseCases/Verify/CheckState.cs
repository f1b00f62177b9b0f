namespace Dialtone.Core.UseCases.Verify;

/// <summary>How one check of `dialtone verify` came out; only <see cref="Fail"/> fails the verify.</summary>
public enum CheckState
{
    Pass,
    Fail,
    Warn,
}
