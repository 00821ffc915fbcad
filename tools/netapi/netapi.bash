# bash completion for netapi (installed as bash-completion/completions/netapi)

_netapi()
{
    local cur prev words cword
    _init_completion -n '\' || return

    local commands="user group localgroup share file dc join config time help"
    local options="--server -S --user -U --authentication-file -A --kerberos -k --json --stats --help -h --version -V --level --prefmaxlen --full-name --comment --home-dir --enable --disable --password-file --old"

    case $prev in
        -S|--server|-U|--user|--level|--prefmaxlen|--full-name|--comment|--home-dir)
            return ;;
        -A|--authentication-file|--password-file)
            _filedir; return ;;
    esac

    # the command and its words: the words that are neither options (nor
    # their values) nor a \\SERVER
    local i command="" args=()
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -S|--server|-U|--user|-A|--authentication-file|--level|--prefmaxlen|--full-name|--comment|--home-dir|--password-file)
                ((i++)) ;;
            -*|\\\\*) ;;
            *) if [[ -z $command ]]; then command=${words[i]}; else args+=("${words[i]}"); fi ;;
        esac
    done

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    local sub=${args[0]-} n=${#args[@]}
    case $command in
        "") COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
        help)
            if ((n == 0)); then
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
            elif ((n == 1)); then
                case ${args[0]} in
                    user) COMPREPLY=($(compgen -W "show add del set password" -- "$cur")) ;;
                    group) COMPREPLY=($(compgen -W "show add del adduser deluser" -- "$cur")) ;;
                    localgroup) COMPREPLY=($(compgen -W "show add del addmembers delmembers" -- "$cur")) ;;
                    share) COMPREPLY=($(compgen -W "show add del" -- "$cur")) ;;
                    file) COMPREPLY=($(compgen -W "close" -- "$cur")) ;;
                    config) COMPREPLY=($(compgen -W "workstation server" -- "$cur")) ;;
                esac
            fi ;;
        config) ((n == 0)) && COMPREPLY=($(compgen -W "workstation server" -- "$cur")) ;;
        user)
            if ((n == 0)); then
                COMPREPLY=($(compgen -W "show add del set password $(compgen -u)" -- "$cur"))
            elif ((n == 1)) && [[ $sub == @(show|del|set|password) ]]; then
                COMPREPLY=($(compgen -u -- "$cur"))
            fi ;;
        group)
            if ((n == 0)); then
                COMPREPLY=($(compgen -W "show add del adduser deluser" -- "$cur"))
            elif ((n == 2)) && [[ $sub == @(adduser|deluser) ]]; then
                COMPREPLY=($(compgen -u -- "$cur"))
            fi ;;
        localgroup)
            if ((n == 0)); then
                COMPREPLY=($(compgen -W "show add del addmembers delmembers $(compgen -g)" -- "$cur"))
            elif ((n == 1)) && [[ $sub == @(show|del|addmembers|delmembers) ]]; then
                COMPREPLY=($(compgen -g -- "$cur"))
            elif ((n >= 2)) && [[ $sub == @(addmembers|delmembers) ]]; then
                COMPREPLY=($(compgen -u -- "$cur"))
            fi ;;
        share)
            if ((n == 0)); then
                COMPREPLY=($(compgen -W "show add del" -- "$cur"))
            elif ((n == 2)) && [[ $sub == add ]]; then
                _filedir -d
            fi ;;
        file) ((n == 0)) && COMPREPLY=($(compgen -W "close" -- "$cur")) ;;
    esac
} &&
    complete -F _netapi netapi
