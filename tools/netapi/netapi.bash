# bash completion for netapi (installed as bash-completion/completions/netapi)

_netapi()
{
    local cur prev words cword
    _init_completion -n '\' || return

    local commands="user localgroup config time help"
    local options="--server -S --user -U --authentication-file -A --kerberos -k --json --stats --help -h --version -V --level --prefmaxlen"

    case $prev in
        -S|--server|-U|--user|--level|--prefmaxlen|--full-name|--comment|--home-dir)
            return ;;
        -A|--authentication-file|--password-file)
            _filedir; return ;;
    esac

    # the command: the first word that is neither an option nor a \\SERVER
    local i command=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -S|--server|-U|--user|-A|--authentication-file|--level|--prefmaxlen|--full-name|--comment|--home-dir|--password-file)
                ((i++)) ;;
            -*|\\\\*) ;;
            *) command=${words[i]}; break ;;
        esac
    done

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    case $command in
        "") COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
        help) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
        config) COMPREPLY=($(compgen -W "workstation server" -- "$cur")) ;;
        user) COMPREPLY=($(compgen -W "show $(compgen -u)" -- "$cur")) ;;
        localgroup) COMPREPLY=($(compgen -g -- "$cur")) ;;
    esac
} &&
    complete -F _netapi netapi
