#!/bin/sh
# Kafka in KRaft combined mode (one node is broker and controller), configured from the environment:
#   KAFKA_NODE_ID (1), KAFKA_CLUSTER_ID (a fixed id: the data lives as long as the pod), KAFKA_DATA_DIR,
#   KAFKA_LISTENERS, KAFKA_ADVERTISED_LISTENERS, KAFKA_LISTENER_SECURITY_PROTOCOL_MAP, KAFKA_INTER_BROKER_LISTENER,
#   KAFKA_REPLICATION_FACTOR (1: every internal topic and min ISR), KAFKA_NUM_PARTITIONS,
#   KAFKA_CREATE_TOPICS "name:partitions[:compact],..." created once the broker answers (auto-creation is off).
set -eu
libs="/opt/kafka/libs/*"
node="${KAFKA_NODE_ID:-1}"
cluster="${KAFKA_CLUSTER_ID:-ZGVicmllZi1sb2NhbC0x}"
data="${KAFKA_DATA_DIR:-/var/lib/kafka/data}"
listeners="${KAFKA_LISTENERS:-EXTERNAL://0.0.0.0:9092,INTERNAL://0.0.0.0:29092,CONTROLLER://127.0.0.1:9093}"
advertised="${KAFKA_ADVERTISED_LISTENERS:-EXTERNAL://127.0.0.1:9092,INTERNAL://127.0.0.1:29092}"
protocols="${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:-EXTERNAL:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT}"
inter="${KAFKA_INTER_BROKER_LISTENER:-INTERNAL}"
rf="${KAFKA_REPLICATION_FACTOR:-1}"
internal_port="$(printf '%s' "$listeners" | sed -n "s/.*$inter:\/\/[^,]*:\([0-9]*\).*/\1/p")"
props="$data/../server.properties"
mkdir -p "$data"
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=$node
controller.quorum.voters=$node@127.0.0.1:9093
controller.listener.names=CONTROLLER
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
inter.broker.listener.name=$inter
log.dirs=$data
num.partitions=${KAFKA_NUM_PARTITIONS:-6}
auto.create.topics.enable=false
offsets.topic.replication.factor=$rf
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$rf
transaction.abort.timed.out.transaction.cleanup.interval.ms=1000
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$rf
min.insync.replicas=$rf
default.replication.factor=$rf
group.initial.rebalance.delay.ms=0
PROPS
java_opts="$KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true -Djava.io.tmpdir=${TMPDIR:-/tmp} -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties"
if [ ! -f "$data/meta.properties" ]; then
  # shellcheck disable=SC2086
  java $java_opts -cp "$libs" kafka.tools.StorageTool format -t "$cluster" -c "$props" --ignore-formatted
fi
# shellcheck disable=SC2086
java $java_opts -cp "$libs" kafka.Kafka "$props" &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null' TERM INT

if [ -n "${KAFKA_CREATE_TOPICS:-}" ]; then
  (
    bootstrap="127.0.0.1:$internal_port"
    for topic in $(printf '%s' "$KAFKA_CREATE_TOPICS" | tr ',' ' '); do
      name="${topic%%:*}"; rest="${topic#*:}"; partitions="${rest%%:*}"
      config=""; case "$rest" in *:compact) config="--config cleanup.policy=compact" ;; esac
      (for attempt in $(seq 1 60); do
        # shellcheck disable=SC2086
        if java -Xmx64m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=/opt/kafka/log4j2.properties -cp "$libs" \
            org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --if-not-exists \
            --topic "$name" --partitions "$partitions" --replication-factor "$rf" $config >/dev/null 2>&1; then
          echo "topic $name: $partitions partitions${config:+, compacted}"; break
        fi
        sleep 1
      done) &
    done
    wait
    echo "KAFKA TOPICS READY"
  ) &
fi
status=0
wait "$broker" || status=$?
# a signal interrupts the first wait: wait again for the broker's own orderly shutdown
if kill -0 "$broker" 2>/dev/null; then status=0; wait "$broker" || status=$?; fi
exit "$status"
